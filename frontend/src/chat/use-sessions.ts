import { useCallback, useEffect, useState } from 'react';
import { deleteSession } from '../api/chat/delete-session';
import { listSessions, type ChatSessionSummary } from '../api/chat/list-sessions';

export interface SessionList {
  sessions: ChatSessionSummary[];
  loading: boolean;
  error: string | null;
  /** Fetches the list again (after a turn created or renamed a session). */
  reload: () => void;
  /** Deletes a session on the server, then drops it from the list. */
  remove: (sessionId: string) => Promise<void>;
}

/** The user's general chat sessions, newest first. */
export function useSessions(): SessionList {
  const [sessions, setSessions] = useState<ChatSessionSummary[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    listSessions({ type: 'general' }, controller.signal).then(
      (list) => {
        setSessions(list);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(
          reason instanceof Error ? reason.message : 'The conversations could not be loaded.',
        );
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);

  const remove = useCallback(async (sessionId: string) => {
    await deleteSession(sessionId);
    setSessions((list) => list.filter((session) => session.id !== sessionId));
  }, []);

  return { sessions, loading, error, reload, remove };
}
