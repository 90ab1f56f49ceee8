// How many messages one user may send per minute, over all their chat and tutor sockets together.
// Each message costs an embedding and usually a paid model call; without a budget one account
// could open many sockets and send as fast as its network allows. With REDIS_URL the budget is
// kept in Redis (message-budget-redis.ts), so a user's messages through every instance count
// together; without Redis, or while it fails (app.sharedRedis), in memory here, per instance.
import type { FastifyInstance } from 'fastify';
import type { SendEvent } from './conversation-socket';
import { takeFromRedis } from './message-budget-redis';

const WINDOW_MS = 60_000;

export type BudgetDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** The in-memory budget of one instance. */
export class MessageBudget {
  /** Send times within the last minute, oldest first, per user. */
  private readonly sent = new Map<string, number[]>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    // Users who stopped sending are forgotten, so the map holds only the last minute's senders.
    this.sweeper = setInterval(() => this.forgetIdle(), WINDOW_MS);
    this.sweeper.unref();
  }

  /** Counts one message of `userId` if the budget allows it; otherwise says how long to wait. */
  take(userId: string): BudgetDecision {
    const now = this.now();
    const times = (this.sent.get(userId) ?? []).filter((time) => now - time < WINDOW_MS);
    if (times.length >= this.perMinute) {
      this.sent.set(userId, times);
      return { ok: false, retryAfterSeconds: Math.ceil((times[0]! + WINDOW_MS - now) / 1000) };
    }
    times.push(now);
    this.sent.set(userId, times);
    return { ok: true };
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private forgetIdle(): void {
    const now = this.now();
    for (const [userId, times] of this.sent) {
      if (now - times[times.length - 1]! >= WINDOW_MS) this.sent.delete(userId);
    }
  }
}

/** The app's budget: shared through Redis when there is one, else this instance's own. */
export interface AppMessageBudget {
  readonly perMinute: number;
  take(userId: string): Promise<BudgetDecision>;
}

declare module 'fastify' {
  interface FastifyInstance {
    messageBudget: AppMessageBudget;
  }
}

/** The app's budget for chat and tutor messages (one for both sockets). Needs app.sharedRedis. */
export function registerMessageBudget(app: FastifyInstance, perMinute: number): void {
  const local = new MessageBudget(perMinute);
  app.decorate('messageBudget', {
    perMinute,
    take: (userId: string) =>
      app.sharedRedis.run(
        (redis) => takeFromRedis(redis, userId, perMinute, WINDOW_MS),
        () => local.take(userId),
      ),
  });
  app.addHook('onClose', async () => local.close());
}

/** Takes a message from the user's budget, or tells the client to wait and resolves false. */
export async function withinMessageBudget(
  app: FastifyInstance,
  userId: string,
  send: SendEvent,
): Promise<boolean> {
  const decision = await app.messageBudget.take(userId);
  if (decision.ok) return true;
  send({
    type: 'error',
    message: `You have sent ${app.messageBudget.perMinute} messages in the last minute. Wait ${decision.retryAfterSeconds} s, then send it again.`,
  });
  return false;
}
