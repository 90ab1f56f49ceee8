import { useState } from 'react';
import { Link } from 'react-router';
import { Spinner } from '../components/spinner';
import type { ChatSessionSummary } from '../api/chat/list-sessions';
import { Dialog } from '../components/dialog';

interface SessionSidebarProps {
  id: string;
  sessions: ChatSessionSummary[];
  currentSessionId: string | null;
  loading: boolean;
  error: string | null;
  onDelete: (sessionId: string) => Promise<void>;
  /** Called after choosing a session or a new chat (closes the sidebar on small screens). */
  onNavigate?: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A session is named after its first real question; until it has one it is a new conversation. */
function titleOf(session: ChatSessionSummary): string {
  return session.title ?? 'New conversation';
}

/** The user's conversations: start a new one, open one, delete one (after confirming). */
export function SessionSidebar({
  id,
  sessions,
  currentSessionId,
  loading,
  error,
  onDelete,
  onNavigate,
}: SessionSidebarProps) {
  const [pendingDelete, setPendingDelete] = useState<ChatSessionSummary | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  async function handleConfirmDelete() {
    if (!pendingDelete) return;
    setDeleting(true);
    setDeleteError(null);
    try {
      await onDelete(pendingDelete.id);
      setPendingDelete(null);
    } catch (reason) {
      setDeleteError(
        reason instanceof Error ? reason.message : 'The conversation could not be deleted.',
      );
      setPendingDelete(null);
    } finally {
      setDeleting(false);
    }
  }

  return (
    <nav id={id} aria-label="Conversations" className="flex h-full min-h-0 flex-col gap-2 p-3">
      <Link
        to="/chat"
        onClick={onNavigate}
        className="rounded-md bg-brand-700 px-3 py-2 text-center text-sm font-medium text-white hover:bg-brand-800"
      >
        New chat
      </Link>
      {deleteError && (
        <p role="alert" className="text-xs text-red-700">
          {deleteError}
        </p>
      )}
      {loading ? (
        <div className="flex justify-center py-4">
          <Spinner label="Loading conversations" className="size-5" />
        </div>
      ) : error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : sessions.length === 0 ? (
        <p className="px-1 text-xs text-slate-500">No conversations yet.</p>
      ) : (
        <ul
          className="-mx-1 min-h-0 flex-1 space-y-1 overflow-y-auto px-1"
          data-testid="session-list"
        >
          {sessions.map((session) => {
            const current = session.id === currentSessionId;
            return (
              <li key={session.id} className="group flex items-start gap-1">
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
                  onClick={() => setPendingDelete(session)}
                  aria-label={`Delete conversation: ${titleOf(session)}`}
                  className="rounded-md px-2 py-1.5 text-sm text-slate-500 hover:bg-red-50 hover:text-red-700"
                >
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
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {pendingDelete && (
        <Dialog
          title="Delete this conversation?"
          pending={deleting}
          onCancel={() => setPendingDelete(null)}
          actions={[
            { label: 'Cancel', onClick: () => setPendingDelete(null) },
            { label: 'Delete', variant: 'danger', onClick: () => void handleConfirmDelete() },
          ]}
        >
          “{titleOf(pendingDelete)}” and all its messages will be deleted. This cannot be undone.
        </Dialog>
      )}
    </nav>
  );
}
