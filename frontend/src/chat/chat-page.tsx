import type { SessionEvent } from '@tutor/shared/chat';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/api-error';
import { getSessionMessages } from '../api/chat/get-session-messages';
import { useAuth } from '../auth/auth-context';
import { Alert } from '../components/alert';
import { ConversationPanel } from '../conversation/conversation-panel';
import { useConversation } from '../conversation/use-conversation';
import { ChatWelcome } from './chat-welcome';
import { SessionSidebar } from './session-sidebar';
import { useSessions } from './use-sessions';
import { useFillViewport } from '../lib/use-fill-viewport';

const SIDEBAR_ID = 'chat-sessions';

function isWideScreen(): boolean {
  return typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 768px)').matches;
}

/** The tutor chat: sessions on the left, the conversation on the right. `/chat/:sessionId?`. */
export function ChatPage() {
  const { sessionId: routeSessionId } = useParams();
  const sessionId = routeSessionId ?? null;
  const navigate = useNavigate();
  const { user } = useAuth();
  const sessions = useSessions();
  const [sidebarOpen, setSidebarOpen] = useState(isWideScreen);
  const [notice, setNotice] = useState<string | null>(null);
  const { reload: reloadSessions } = sessions;
  const [pageRef, pageHeight] = useFillViewport();

  const loadMessages = useCallback(
    async (id: string, signal: AbortSignal) => {
      try {
        return await getSessionMessages(id, signal);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 422)) {
          setNotice('That conversation was not found. It may have been deleted.');
          void navigate('/chat', { replace: true });
        }
        throw error;
      }
    },
    [navigate],
  );

  const handleSession = useCallback(
    (event: SessionEvent) => {
      setNotice(null);
      // A new session: put it in the URL so that a reload comes back to it.
      if (event.session_id !== sessionId) {
        void navigate(`/chat/${event.session_id}`, { replace: sessionId === null });
        reloadSessions();
      }
    },
    [navigate, reloadSessions, sessionId],
  );

  const conversation = useConversation({
    url: '/ws/chat',
    sessionId,
    loadMessages,
    onSession: handleSession,
    // The first real question names the session in the list.
    onTurnEnd: reloadSessions,
  });

  async function handleDelete(id: string) {
    await sessions.remove(id);
    if (id === sessionId) void navigate('/chat', { replace: true });
  }

  function handleNavigate() {
    setNotice(null);
    if (!isWideScreen()) setSidebarOpen(false);
  }

  const toggle = (
    <button
      type="button"
      onClick={() => setSidebarOpen((open) => !open)}
      aria-expanded={sidebarOpen}
      aria-controls={SIDEBAR_ID}
      className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
    >
      {sidebarOpen ? 'Hide conversations' : 'Conversations'}
    </button>
  );

  return (
    <div
      ref={pageRef}
      style={{ height: pageHeight }}
      className="relative flex min-h-[24rem] w-full"
    >
      <title>Chat · Numerical Tutor</title>
      {sidebarOpen && (
        // On small screens the sidebar covers the conversation: a click beside it closes it.
        <button
          type="button"
          aria-label="Close the conversation list"
          tabIndex={-1}
          onClick={() => setSidebarOpen(false)}
          className="absolute inset-0 z-10 bg-slate-900/20 md:hidden"
        />
      )}
      <aside
        hidden={!sidebarOpen}
        className="absolute inset-y-0 left-0 z-20 w-72 border-r border-slate-200 bg-white shadow-lg md:static md:shadow-none"
      >
        <SessionSidebar
          id={SIDEBAR_ID}
          sessions={sessions.sessions}
          currentSessionId={sessionId}
          loading={sessions.loading}
          error={sessions.error}
          onDelete={handleDelete}
          onNavigate={handleNavigate}
        />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <h1 className="sr-only">Chat with the tutor</h1>
        {notice && (
          <div className="mx-auto w-full max-w-3xl px-4 pt-3">
            <Alert tone="info">{notice}</Alert>
          </div>
        )}
        <ConversationPanel
          conversation={conversation}
          toolbar={toggle}
          welcome={
            <ChatWelcome
              username={user?.username ?? 'there'}
              canSend={conversation.connection.status === 'connected'}
              onPick={(prompt) => void conversation.send(prompt)}
            />
          }
        />
      </div>
    </div>
  );
}
