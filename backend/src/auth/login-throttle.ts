import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientAddress, createKeyedCounter, tooManyRequestsFor } from '../rate-limit/limits';

export interface LoginThrottleOptions {
  /** Login attempts an account takes in a window before addresses that tried it must wait. */
  max: number;
  windowMs: number;
  /** The normalised email of a (validated) login body. */
  email(request: FastifyRequest): string;
}

/**
 * Limits guessing at one account without letting a stranger lock its owner out. Each login
 * attempt is counted, before the password is checked, per account and per account and address.
 * Once an account has had `max` attempts within its window, an address that already tried it
 * during its own window is refused (429) until either window ends; an address that has not may
 * still try once. So in a window an attacker gets `max` guesses plus one per address he holds
 * (each address also being under the per-address route limit), even with requests in parallel,
 * while the owner, from an address of their own, still signs in. An unknown email is counted like
 * a known one, so the answers do not tell whether an account exists.
 */
export function createLoginThrottle(
  app: FastifyInstance,
  options: LoginThrottleOptions,
): (request: FastifyRequest) => Promise<void> {
  const byAccount = createKeyedCounter(app, {
    name: 'login-account',
    windowMs: options.windowMs,
    key: options.email,
  });
  const byAccountAndAddress = createKeyedCounter(app, {
    name: 'login-account-address',
    windowMs: options.windowMs,
    key: (request) => `${options.email(request)}|${clientAddress(request)}`,
  });
  return async (request) => {
    const [account, fromAddress] = await Promise.all([
      byAccount.hit(request),
      byAccountAndAddress.hit(request),
    ]);
    if (account.count > options.max && fromAddress.count > 1) {
      throw tooManyRequestsFor(Math.min(account.ttlMs, fromAddress.ttlMs));
    }
  };
}
