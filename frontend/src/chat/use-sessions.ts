import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
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

/** The query of the general chat sessions (the tutor's sessions are listed per module). */
export const generalSessionsKey = ['chat-sessions', { type: 'general' }] as const;

const NO_SESSIONS: ChatSessionSummary[] = [];

/** The user's general chat sessions, newest first. */
export function useSessions(): SessionList {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: generalSessionsKey,
    queryFn: ({ signal }) => listSessions({ type: 'general' }, signal),
  });

  const reload = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: generalSessionsKey }),
    [queryClient],
  );

  const { mutateAsync } = useMutation({
    mutationFn: deleteSession,
    onSuccess: (_, sessionId) => {
      queryClient.setQueryData<ChatSessionSummary[]>(generalSessionsKey, (list) =>
        list?.filter((session) => session.id !== sessionId),
      );
      void queryClient.invalidateQueries({ queryKey: generalSessionsKey });
    },
  });

  let error: string | null = null;
  if (query.error)
    error =
      query.error instanceof Error ? query.error.message : 'The conversations could not be loaded.';

  return {
    sessions: query.data ?? NO_SESSIONS,
    loading: query.isPending,
    error,
    reload,
    remove: mutateAsync,
  };
}
