import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { NavLink } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { canTeach, isAdmin } from '../courses/roles';
import { useLogout } from './use-logout';

const itemClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-sm font-medium ${
    isActive ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100'
  }`;

interface SiteMenuProps {
  /** Which edge of the button the open menu lines up with. */
  align?: 'left' | 'right';
}

/** Closes the open menu on a pointer press outside it, and when the window loses the focus. */
function useCloseOnOutsideClick(
  open: boolean,
  rootRef: RefObject<HTMLElement | null>,
  close: () => void,
) {
  useEffect(() => {
    if (!open) return;
    const handlePointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) close();
    };
    // A click into an iframe (the notebook) reaches no listener here, but takes the focus away.
    const handleWindowBlur = () => close();
    document.addEventListener('pointerdown', handlePointerDown);
    window.addEventListener('blur', handleWindowBlur);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      window.removeEventListener('blur', handleWindowBlur);
    };
  }, [open, rootRef, close]);
}

/** The disclosure's state: open or not, and what closes it (Escape, outside clicks, focus). */
function useMenuDisclosure() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useCloseOnOutsideClick(open, rootRef, close);

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  function handleBlur(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && !rootRef.current?.contains(next)) setOpen(false);
  }

  const toggle = () => setOpen((value) => !value);
  return { open, close, toggle, rootRef, buttonRef, handleKeyDown, handleBlur };
}

/** The menu button's icon: three bars, or a cross while the menu is open. */
function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none">
      {open ? (
        <path
          d="M5 5l10 10M15 5L5 15"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
        />
      ) : (
        <path
          d="M3.5 5.5h13M3.5 10h13M3.5 14.5h13"
          stroke="currentColor"
          strokeWidth="1.75"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}

interface MenuLinksProps {
  /** Called when a link is followed (the menu closes). */
  onFollow: () => void;
}

/** The main links and "Log out", as the open menu lists them. */
function MenuLinks({ onFollow }: MenuLinksProps) {
  const { loggingOut, handleLogout } = useLogout();
  const role = useAuth().user?.role;
  return (
    <ul className="space-y-0.5">
      <li>
        <NavLink to="/chat" className={itemClass} onClick={onFollow}>
          Chat
        </NavLink>
      </li>
      <li>
        <NavLink to="/modules" className={itemClass} onClick={onFollow}>
          Modules
        </NavLink>
      </li>
      {canTeach(role) && (
        <li>
          <NavLink to="/classes" className={itemClass} onClick={onFollow}>
            Classes
          </NavLink>
        </li>
      )}
      {isAdmin(role) && (
        <li>
          <NavLink to="/admin" className={itemClass} onClick={onFollow}>
            Admin
          </NavLink>
        </li>
      )}
      <li>
        <NavLink to="/profile" className={itemClass} onClick={onFollow}>
          Profile
        </NavLink>
      </li>
      <li className="mt-1 border-t border-slate-100 pt-1">
        <button
          type="button"
          onClick={() => void handleLogout()}
          disabled={loggingOut}
          className="block w-full rounded-md px-3 py-2 text-left text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-400"
        >
          Log out
        </button>
      </li>
    </ul>
  );
}

/**
 * The main navigation folded into a button, for small screens: a disclosure (a real button with
 * aria-expanded) that opens the links. Escape closes it and returns focus to the button; so do a
 * click elsewhere, tabbing out of it and following a link.
 */
export function SiteMenu({ align = 'right' }: SiteMenuProps) {
  const { open, close, toggle, rootRef, buttonRef, handleKeyDown, handleBlur } =
    useMenuDisclosure();
  const panelId = useId();

  return (
    <nav
      ref={rootRef}
      aria-label="Main"
      className="relative"
      onKeyDown={handleKeyDown}
      onBlur={handleBlur}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
        className="flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-expanded:bg-slate-100"
      >
        <span className="sr-only">Menu</span>
        <MenuIcon open={open} />
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={`absolute top-full z-40 mt-1 w-56 rounded-lg border border-slate-200 bg-white p-1.5 shadow-lg ${
          align === 'right' ? 'right-0' : 'left-0'
        }`}
      >
        <MenuLinks onFollow={close} />
      </div>
    </nav>
  );
}
