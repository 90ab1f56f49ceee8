import type { SessionEvent } from '@tutor/shared/chat';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { listSessions } from '../api/chat/list-sessions';

/**
 * The module's latest tutor session, read once per opening of the panel (a conversation since
 * may have created a newer one, so nothing is kept for the next opening).
 */
function useLatestTutorSession(moduleId: string): string | undefined {
  const query = useQuery({
    queryKey: ['chat-sessions', { type: 'tutor', module_id: moduleId }],
    queryFn: ({ signal }) => listSessions({ type: 'tutor', module_id: moduleId }, signal),
    staleTime: Infinity,
    gcTime: 0,
  });
  return query.data?.[0]?.id;
}

/**
 * Which tutor session the panel shows: the module's latest one when the workspace reopens, then
 * the one the server names; "New conversation" leaves it (the next message asks for a new one).
 */
export function useTutorSession(moduleId: string) {
  const [sessionId, setSessionId] = useState<string | null>(null);
  /** True from "New conversation" until the server names the new session. */
  const newSessionRef = useRef(false);
  const sawSessionRef = useRef(false);

  // The latest tutor conversation of this module continues when the workspace reopens.
  const latest = useLatestTutorSession(moduleId);
  useEffect(() => {
    if (latest && !sawSessionRef.current && !newSessionRef.current) setSessionId(latest);
  }, [latest]);

  const handleSession = useCallback((event: SessionEvent) => {
    sawSessionRef.current = true;
    newSessionRef.current = false;
    // Follow the server's session, so that "New conversation" always has something to leave.
    setSessionId(event.session_id);
  }, []);

  const startNewConversation = useCallback(() => {
    newSessionRef.current = true;
    sawSessionRef.current = false;
    setSessionId(null);
  }, []);

  return { sessionId, newSessionRef, handleSession, startNewConversation };
}
