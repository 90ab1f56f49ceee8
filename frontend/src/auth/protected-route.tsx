import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpinner } from '../components/spinner';
import { useAuth } from './auth-context';
import { redirectTarget, type RedirectState, type SignedOutState } from './redirect';

/** Renders its pages for signed-in users; sends others to /login, remembering where they were. */
export function ProtectedRoute({ children }: { children?: ReactNode }) {
  const { status, loggedOut, signedOutNotice } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  // The account was deleted: the landing page says so.
  if (status === 'signedOut' && signedOutNotice) {
    const state: SignedOutState = { notice: signedOutNotice };
    return <Navigate to="/" replace state={state} />;
  }
  // After logging out on purpose, logging in again starts afresh rather than returning here.
  if (status === 'signedOut' && loggedOut) return <Navigate to="/login" replace />;
  if (status === 'signedOut') {
    const state: RedirectState = {
      from: { pathname: location.pathname, search: location.search, hash: location.hash },
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return children ?? <Outlet />;
}

interface GuestOnlyRouteProps {
  children?: ReactNode;
  /** Where a signed-in user goes when no page asked for the sign-in (default: the chat). */
  fallback?: string;
}

/** Login and register: a signed-in user goes on to where they were heading. */
export function GuestOnlyRoute({ children, fallback }: GuestOnlyRouteProps) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (status === 'signedIn') {
    return <Navigate to={redirectTarget(location.state, fallback)} replace />;
  }
  return children ?? <Outlet />;
}
