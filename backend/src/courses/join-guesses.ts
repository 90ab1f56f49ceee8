// Join-code guessing: failed lookups counted per user and per address; once either reaches
// JOIN_GUESSES_PER_WINDOW in the window, every lookup (a right code too) is refused with 429 until
// the window ends. Codes are 128 random bits: this keeps scanners off, it is not the protection.
// The counters live in the app's rate-limit store (Redis when configured), so every instance
// refuses as soon as any of them counted the last failure.
import { JOIN_GUESS_WINDOW_SECONDS, JOIN_GUESSES_PER_WINDOW } from '@tutor/shared/courses';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientAddress, createKeyedCounter, tooManyRequestsFor } from '../rate-limit/limits';

export function joinGuessLimit(app: FastifyInstance) {
  const windowMs = JOIN_GUESS_WINDOW_SECONDS * 1000;
  const counters = [
    createKeyedCounter(app, {
      name: 'join-failures-user',
      windowMs,
      key: (request) => request.user.id,
    }),
    createKeyedCounter(app, { name: 'join-failures-ip', windowMs, key: clientAddress }),
  ];
  /** Refused before the lookup, known code or not, while either count is at the limit. */
  const refuseIfBlocked = async (request: FastifyRequest) => {
    const states = await Promise.all(counters.map((counter) => counter.peek(request)));
    const over = states.filter((state) => state.count >= JOIN_GUESSES_PER_WINDOW);
    if (over.length > 0) throw tooManyRequestsFor(Math.max(...over.map((state) => state.ttlMs)));
  };
  const countFailure = async (request: FastifyRequest) => {
    await Promise.all(counters.map((counter) => counter.hit(request)));
  };
  return { refuseIfBlocked, countFailure };
}
