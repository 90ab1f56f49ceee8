import { useEffect, type ActionDispatch } from 'react';
import type { ConversationRefs } from './conversation-refs';
import type { ConversationAction } from './conversation-state';

/**
 * Switching sessions: load the chosen one, unless it is the one this socket just created. An
 * answer still streaming for the session left is stopped and the rest of it dropped.
 */
export function useSessionHistory(
  requestedSession: string | null,
  hasMessages: boolean,
  {
    socketRef,
    optionsRef,
    sessionRef,
    answeringRef,
    discardingRef,
    pendingTokensRef,
  }: ConversationRefs,
  dispatch: ActionDispatch<[action: ConversationAction]>,
  setSessionId: (sessionId: string | null) => void,
): void {
  useEffect(() => {
    const justCreated =
      requestedSession !== null &&
      requestedSession === sessionRef.current &&
      (hasMessages || answeringRef.current);
    if (justCreated) return;
    if (answeringRef.current) {
      socketRef.current?.stop();
      discardingRef.current = true;
    }
    sessionRef.current = requestedSession;
    setSessionId(requestedSession);
    pendingTokensRef.current = '';
    const load = optionsRef.current.loadMessages;
    dispatch({ type: 'reset', loading: requestedSession !== null && load !== undefined });
    if (requestedSession === null || load === undefined) return;
    const controller = new AbortController();
    load(requestedSession, controller.signal).then(
      (messages) => {
        if (!controller.signal.aborted) dispatch({ type: 'loaded', messages });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message =
          error instanceof Error ? error.message : 'The conversation could not be loaded.';
        dispatch({ type: 'load_failed', message });
      },
    );
    return () => controller.abort();
    // Only a change of the requested session reloads; whether there are messages is read, not
    // watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestedSession]);
}
