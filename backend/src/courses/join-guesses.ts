// Join-code guessing: failed lookups counted per user and per address; once either reaches
// JOIN_GUESSES_PER_WINDOW in the window, every lookup (a right code too) is refused with 429 until
// the window ends. Codes are 128 random bits: this keeps scanners off, it is not the protection.
// The counters live in the app's rate-limit store (Redis when configured); the refusal is noted in
// process, so another instance refuses after its own next failure.
import { JOIN_GUESS_WINDOW_SECONDS, JOIN_GUESSES_PER_WINDOW } from '@tutor/shared/courses';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientAddress, createKeyedCounter, tooManyRequestsFor } from '../rate-limit/limits';

const MAX_BLOCKED_KEYS = 100_000;

export function joinGuessLimit(app: FastifyInstance) {
  const windowMs = JOIN_GUESS_WINDOW_SECONDS * 1000;
  const failuresByUser = createKeyedCounter(app, {
    name: 'join-failures-user',
    windowMs,
    key: (request) => request.user.id,
  });
  const failuresByAddress = createKeyedCounter(app, {
    name: 'join-failures-ip',
    windowMs,
    key: clientAddress,
  });
  // Keys over the limit, until when: refused before the lookup, known code or not.
  const blocked = new Map<string, number>();
  const blockKeys = (request: FastifyRequest) => [
    `user:${request.user.id}`,
    `ip:${clientAddress(request)}`,
  ];
  const refuseIfBlocked = (request: FastifyRequest) => {
    const now = Date.now();
    for (const key of blockKeys(request)) {
      const until = blocked.get(key);
      if (until === undefined) continue;
      if (until > now) throw tooManyRequestsFor(until - now);
      blocked.delete(key);
    }
  };
  const countFailure = async (request: FastifyRequest) => {
    const [byUser, byAddress] = await Promise.all([
      failuresByUser.hit(request),
      failuresByAddress.hit(request),
    ]);
    const [userKey, addressKey] = blockKeys(request) as [string, string];
    const now = Date.now();
    if (byUser.count >= JOIN_GUESSES_PER_WINDOW) blocked.set(userKey, now + byUser.ttlMs);
    if (byAddress.count >= JOIN_GUESSES_PER_WINDOW) blocked.set(addressKey, now + byAddress.ttlMs);
    if (blocked.size > MAX_BLOCKED_KEYS) blocked.clear(); // bounded; the counters still hold
  };
  return { refuseIfBlocked, countFailure };
}
