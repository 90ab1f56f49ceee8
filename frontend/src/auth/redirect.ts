import type { Location } from 'react-router';

/** What ProtectedRoute leaves in the history state when it sends someone to /login. */
export interface RedirectState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

/** A returning student logging in continues in the chat. */
export const DEFAULT_AFTER_LOGIN = '/chat';
/** A new student starts at the module list, which shows them their first steps. */
export const DEFAULT_AFTER_REGISTER = '/modules';

/**
 * Where to go after signing in: back to the page that asked for it, else `fallback` (the chat
 * after logging in, the modules after registering).
 */
export function redirectTarget(state: unknown, fallback = DEFAULT_AFTER_LOGIN): string {
  const from = (state as RedirectState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || !from.pathname.startsWith('/')) {
    return fallback;
  }
  if (from.pathname === '/login' || from.pathname === '/register') return fallback;
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

/** What ProtectedRoute leaves in the history state when a session ended with a notice. */
export interface SignedOutState {
  notice?: string;
}
