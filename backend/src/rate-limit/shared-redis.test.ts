import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { MessageBudget } from '../conversation/socket/message-budget';
import { SharedRedis } from './shared-redis';

/** A port nothing listens on. */
const closedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

describe('SharedRedis', () => {
  it('counts locally while Redis is unreachable, never failing, and logs the outage once', async () => {
    const warnings: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, {
      maxRetriesPerRequest: 1,
      retryStrategy: () => 20,
    });
    const shared = new SharedRedis(redis, log);
    const budget = new MessageBudget(2);
    try {
      const take = () =>
        shared.run(
          async (client) => {
            await client.ping();
            return { ok: true as const };
          },
          () => budget.take('ada'),
        );
      const decisions = [];
      for (let i = 0; i < 3; i += 1) decisions.push(await take());
      await new Promise((resolve) => setTimeout(resolve, 100)); // several reconnects fail meanwhile
      decisions.push(await take());
      expect(decisions.map((decision) => decision.ok)).toEqual([true, true, false, false]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('each instance counts limits on its own');
    } finally {
      budget.close();
      redis.disconnect();
    }
  });
});
