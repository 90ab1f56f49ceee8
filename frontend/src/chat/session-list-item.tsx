import { Link } from 'react-router';
import type { ChatSessionSummary } from '../api/chat/list-sessions';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A session is named after its first real question; until it has one it is a new conversation. */
export function titleOf(session: ChatSessionSummary): string {
  return session.title ?? 'New conversation';
}

interface SessionListItemProps {
  session: ChatSessionSummary;
  current: boolean;
  onNavigate?: () => void;
  onAskDelete: (session: ChatSessionSummary) => void;
}

/** One session: a link to it (its title and date) and its delete button. */
export function SessionListItem({
  session,
  current,
  onNavigate,
  onAskDelete,
}: SessionListItemProps) {
  return (
    <li className="group flex items-start gap-1">
      <Link
        to={`/chat/${session.id}`}
        onClick={onNavigate}
        aria-current={current ? 'page' : undefined}
        className={`min-w-0 flex-1 rounded-md px-2 py-1.5 text-sm ${
          current ? 'bg-brand-50 text-brand-800' : 'text-slate-700 hover:bg-slate-100'
        }`}
      >
        <span className="block truncate">{titleOf(session)}</span>
        <span className="block text-xs text-slate-500">
          {dateFormat.format(new Date(session.created_at))}
        </span>
      </Link>
      <button
        type="button"
        onClick={() => onAskDelete(session)}
        aria-label={`Delete conversation: ${titleOf(session)}`}
        className="rounded-md px-2 py-1.5 text-sm text-slate-500 hover:bg-red-50 hover:text-red-700"
      >
        <DeleteIcon />
      </button>
    </li>
  );
}

function DeleteIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      className="size-4"
    >
      <path
        d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10M9 9v5M11 9v5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
