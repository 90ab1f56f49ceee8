import type { ChatServerEvent } from '@tutor/shared/chat';
import { useCallback, type ActionDispatch } from 'react';
import type { ConversationRefs } from './conversation-refs';
import type { ConversationAction } from './conversation-state';

type Dispatch = ActionDispatch<[action: ConversationAction]>;

/** Dispatches the streamed text gathered so far (tokens arrive faster than frames are drawn). */
export function useFlushTokens(
  { pendingTokensRef, flushTimerRef }: ConversationRefs,
  dispatch: Dispatch,
): () => void {
  return useCallback(() => {
    if (flushTimerRef.current !== null) clearTimeout(flushTimerRef.current);
    flushTimerRef.current = null;
    if (pendingTokensRef.current === '') return;
    const text = pendingTokensRef.current;
    pendingTokensRef.current = '';
    dispatch({ type: 'tokens', text });
  }, [dispatch, flushTimerRef, pendingTokensRef]);
}

/**
 * True when the event belongs to a turn the student switched away from; the end of that turn
 * stops the discarding.
 */
function dropDiscarded(
  event: ChatServerEvent,
  { discardingRef, answeringRef }: Pick<ConversationRefs, 'discardingRef' | 'answeringRef'>,
): boolean {
  const endsTurn = event.type === 'done' || event.type === 'canned' || event.type === 'error';
  if (discardingRef.current) {
    if (endsTurn) {
      discardingRef.current = false;
      answeringRef.current = false;
    }
    return true;
  }
  return false;
}

/** What the socket's events do to the conversation (a switched-away turn's rest is dropped). */
export function useServerEvents(
  {
    optionsRef,
    sessionRef,
    answeringRef,
    discardingRef,
    pendingTokensRef,
    flushTimerRef,
  }: ConversationRefs,
  dispatch: Dispatch,
  setSessionId: (sessionId: string) => void,
  flushTokens: () => void,
): (event: ChatServerEvent) => void {
  return useCallback(
    (event: ChatServerEvent) => {
      if (dropDiscarded(event, { discardingRef, answeringRef })) return;
      switch (event.type) {
        case 'session':
          sessionRef.current = event.session_id;
          setSessionId(event.session_id);
          dispatch({ type: 'session', event });
          optionsRef.current.onSession?.(event);
          return;
        case 'token':
          // Batched: re-rendering the markdown once per frame is enough.
          pendingTokensRef.current += event.content;
          flushTimerRef.current ??= setTimeout(flushTokens, 32);
          return;
        case 'done':
          flushTokens();
          dispatch({ type: 'done', event });
          break;
        case 'canned':
          dispatch({ type: 'canned', event });
          break;
        case 'error':
          flushTokens();
          dispatch({ type: 'turn_error', message: event.message });
          break;
      }
      answeringRef.current = false;
      if (event.type !== 'error') optionsRef.current.onTurnEnd?.();
    },
    [
      answeringRef,
      discardingRef,
      dispatch,
      flushTimerRef,
      flushTokens,
      optionsRef,
      pendingTokensRef,
      sessionRef,
      setSessionId,
    ],
  );
}
