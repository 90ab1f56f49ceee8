// The message budget in Redis, for several instances: the same sliding minute as the in-memory
// budget (message-budget.ts), kept as one sorted set of send times per user and checked and taken
// in one script, so two instances never both take the last message. Times come from Redis's clock,
// so instances whose clocks differ still agree.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BudgetDecision } from './message-budget';

const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + window - now}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0}
`;

type BudgetRedis = Redis & {
  takeMessageBudget(
    key: string,
    perWindow: number,
    windowMs: number,
    member: string,
  ): Promise<[number, number]>;
};

/** Takes one of `perWindow` messages of `userId` in the last `windowMs`, shared by all instances. */
export async function takeFromRedis(
  redis: Redis,
  userId: string,
  perWindow: number,
  windowMs: number,
): Promise<BudgetDecision> {
  if (!('takeMessageBudget' in redis))
    redis.defineCommand('takeMessageBudget', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const [taken, waitMs] = await (redis as BudgetRedis).takeMessageBudget(
    `message-budget:${userId}`,
    perWindow,
    windowMs,
    randomUUID(),
  );
  return taken === 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
}
