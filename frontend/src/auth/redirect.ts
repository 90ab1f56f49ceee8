import type { Location } from 'react-router';

/** What ProtectedRoute leaves in the history state when it sends someone to /login. */
export interface RedirectState {
  from?: Pick<Location, 'pathname' | 'search' | 'hash'>;
}

export const DEFAULT_AFTER_LOGIN = '/chat';

/** Where to go after signing in: back to the page that asked for it, else the chat. */
export function redirectTarget(state: unknown): string {
  const from = (state as RedirectState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || !from.pathname.startsWith('/')) {
    return DEFAULT_AFTER_LOGIN;
  }
  if (from.pathname === '/login' || from.pathname === '/register') return DEFAULT_AFTER_LOGIN;
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}
