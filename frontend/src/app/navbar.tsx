import { Link, NavLink } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { canTeach, isAdmin } from '../courses/roles';
import { useCompactLayout } from '../lib/compact-layout';
import { SiteMenu } from './site-menu';
import { useLogout } from './use-logout';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-2 text-sm font-medium transition-colors ${
    isActive
      ? 'bg-brand-50 text-brand-800'
      : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
  }`;

/** The brand: the app's name, linking home. */
function Brand() {
  return (
    <Link
      to="/"
      className="flex items-center gap-2 rounded-md py-1 text-base font-semibold text-slate-900"
    >
      <span
        aria-hidden="true"
        className="flex size-7 items-center justify-center rounded-md bg-brand-700 text-sm font-bold text-white"
      >
        ∑
      </span>
      Numerical Tutor
    </Link>
  );
}

interface SignedInLinksProps {
  loggingOut: boolean;
  onLogout: () => void;
}

/** A signed-in student's links, and logging out. */
function SignedInLinks({ loggingOut, onLogout }: SignedInLinksProps) {
  const role = useAuth().user?.role;
  return (
    <ul className="flex flex-wrap items-center gap-1">
      <li>
        <NavLink to="/chat" className={linkClass}>
          Chat
        </NavLink>
      </li>
      <li>
        <NavLink to="/modules" className={linkClass}>
          Modules
        </NavLink>
      </li>
      {canTeach(role) && (
        <li>
          <NavLink to="/classes" className={linkClass}>
            Classes
          </NavLink>
        </li>
      )}
      {isAdmin(role) && (
        <li>
          <NavLink to="/admin" className={linkClass}>
            Admin
          </NavLink>
        </li>
      )}
      <li>
        <NavLink to="/profile" className={linkClass}>
          Profile
        </NavLink>
      </li>
      <li>
        <button
          type="button"
          onClick={onLogout}
          disabled={loggingOut}
          className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 disabled:text-slate-400"
        >
          Log out
        </button>
      </li>
    </ul>
  );
}

/** A visitor's ways in: logging in and registering. */
function SignedOutLinks() {
  return (
    <ul className="flex items-center gap-1">
      <li>
        <NavLink to="/login" className={linkClass}>
          Log in
        </NavLink>
      </li>
      <li>
        <NavLink
          to="/register"
          className={({ isActive }) =>
            `rounded-md px-3 py-2 text-sm font-medium text-white ${
              isActive ? 'bg-brand-800' : 'bg-brand-700 hover:bg-brand-800'
            }`
          }
        >
          Register
        </NavLink>
      </li>
    </ul>
  );
}

/** The header on small screens for a signed-in student: the brand and the menu button. */
function CompactHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-4 py-1.5 pr-2 pl-4">
        <Brand />
        <SiteMenu align="right" />
      </div>
    </header>
  );
}

/**
 * The site's header: the brand and the main navigation. On small screens a signed-in student's
 * links fold into the menu button (SiteMenu).
 */
export function Navbar() {
  const { status } = useAuth();
  const { loggingOut, handleLogout } = useLogout();
  const compact = useCompactLayout();

  if (compact && status === 'signedIn') return <CompactHeader />;

  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2"
      >
        <Brand />
        {status === 'signedIn' && (
          <SignedInLinks loggingOut={loggingOut} onLogout={() => void handleLogout()} />
        )}
        {status === 'signedOut' && <SignedOutLinks />}
      </nav>
    </header>
  );
}
