import type { SessionEvent } from '@tutor/shared/chat';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-error';
import { getSessionMessages } from '../api/chat/get-session-messages';
import type { Conversation } from '../conversation/use-conversation';
import { useConversation } from '../conversation/use-conversation';

/**
 * The chat's conversation on `/ws/chat`, kept in step with the URL and the session list: a new
 * session goes in the URL, an unknown one sends the student back to `/chat` with a notice.
 */
export function useChatConversation(
  sessionId: string | null,
  reloadSessions: () => void,
  setNotice: (notice: string | null) => void,
): Conversation {
  const navigate = useNavigate();

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
    [navigate, setNotice],
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
    [navigate, reloadSessions, sessionId, setNotice],
  );

  return useConversation({
    url: '/ws/chat',
    sessionId,
    loadMessages,
    onSession: handleSession,
    // The first real question names the session in the list.
    onTurnEnd: reloadSessions,
  });
}
