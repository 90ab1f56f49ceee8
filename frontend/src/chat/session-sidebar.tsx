import { useState } from 'react';
import { Link } from 'react-router';
import { Spinner } from '../components/spinner';
import type { ChatSessionSummary } from '../api/chat/list-sessions';
import { Dialog } from '../components/dialog';
import { SessionListItem, titleOf } from './session-list-item';

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

/** The session waiting for the student to confirm its deletion, and the deletion's progress. */
function useDeleteConfirmation(onDelete: (sessionId: string) => Promise<void>) {
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

  return { pendingDelete, setPendingDelete, deleting, deleteError, handleConfirmDelete };
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
  const { pendingDelete, setPendingDelete, deleting, deleteError, handleConfirmDelete } =
    useDeleteConfirmation(onDelete);

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
      <SessionsContent
        sessions={sessions}
        currentSessionId={currentSessionId}
        loading={loading}
        error={error}
        onNavigate={onNavigate}
        onAskDelete={setPendingDelete}
      />
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

interface SessionsContentProps {
  sessions: ChatSessionSummary[];
  currentSessionId: string | null;
  loading: boolean;
  error: string | null;
  onNavigate?: () => void;
  onAskDelete: (session: ChatSessionSummary) => void;
}

/** The list, or what stands for it: a spinner, the load error, or "No conversations yet." */
function SessionsContent({
  sessions,
  currentSessionId,
  loading,
  error,
  onNavigate,
  onAskDelete,
}: SessionsContentProps) {
  if (loading)
    return (
      <div className="flex justify-center py-4">
        <Spinner label="Loading conversations" className="size-5" />
      </div>
    );
  if (error)
    return (
      <p role="alert" className="text-xs text-red-700">
        {error}
      </p>
    );
  if (sessions.length === 0)
    return <p className="px-1 text-xs text-slate-500">No conversations yet.</p>;
  return (
    <ul className="-mx-1 min-h-0 flex-1 space-y-1 overflow-y-auto px-1" data-testid="session-list">
      {sessions.map((session) => (
        <SessionListItem
          key={session.id}
          session={session}
          current={session.id === currentSessionId}
          onNavigate={onNavigate}
          onAskDelete={onAskDelete}
        />
      ))}
    </ul>
  );
}
