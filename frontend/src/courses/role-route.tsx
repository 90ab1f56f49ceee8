import type { Role } from '@tutor/shared/courses';
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { TextLink } from '../components/text-link';

interface RoleRouteProps {
  /** Whether the signed-in user's role may see the pages below. */
  allow: (role: Role | undefined) => boolean;
  /** Who may, in words: "Only instructors can see this page." */
  explanation: string;
  children?: ReactNode;
}

/**
 * Pages for some roles only (under ProtectedRoute, so a user is signed in). The server checks
 * again on every call; this only saves others a page of errors.
 */
export function RoleRoute({ allow, explanation, children }: RoleRouteProps) {
  const { user } = useAuth();
  if (!allow(user?.role)) {
    return (
      <div className="mx-auto w-full max-w-xl px-4 py-16 text-center">
        <title>Not available · Numerical Tutor</title>
        <h1 className="text-2xl font-semibold tracking-tight">Not available</h1>
        <p className="mt-2 text-slate-600">{explanation}</p>
        <p className="mt-6">
          <TextLink to="/modules">Go to the modules</TextLink>
        </p>
      </div>
    );
  }
  return children ?? <Outlet />;
}
