import type { SessionList } from './use-sessions';
import { SessionSidebar } from './session-sidebar';

export const SIDEBAR_ID = 'chat-sessions';

/** Shows or hides the conversation list. */
export function SidebarToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-expanded={open}
      aria-controls={SIDEBAR_ID}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
    >
      {open ? 'Hide conversations' : 'Conversations'}
    </button>
  );
}

interface ChatSidebarProps {
  open: boolean;
  onClose: () => void;
  sessions: SessionList;
  currentSessionId: string | null;
  onDelete: (sessionId: string) => Promise<void>;
  onNavigate: () => void;
}

/** The session list beside the conversation (over it on small screens, with a backdrop). */
export function ChatSidebar({
  open,
  onClose,
  sessions,
  currentSessionId,
  onDelete,
  onNavigate,
}: ChatSidebarProps) {
  return (
    <>
      {open && (
        // On small screens the sidebar covers the conversation: a click beside it closes it.
        <button
          type="button"
          aria-label="Close the conversation list"
          tabIndex={-1}
          onClick={onClose}
          className="absolute inset-0 z-10 bg-slate-900/20 md:hidden"
        />
      )}
      <aside
        hidden={!open}
        className="absolute inset-y-0 left-0 z-20 w-72 border-r border-slate-200 bg-white shadow-lg md:static md:shadow-none"
      >
        <SessionSidebar
          id={SIDEBAR_ID}
          sessions={sessions.sessions}
          currentSessionId={currentSessionId}
          loading={sessions.loading}
          error={sessions.error}
          onDelete={onDelete}
          onNavigate={onNavigate}
        />
      </aside>
    </>
  );
}
