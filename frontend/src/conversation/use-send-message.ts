import { useCallback, type ActionDispatch } from 'react';
import type { ConversationRefs } from './conversation-refs';
import type { ConversationAction } from './conversation-state';

/**
 * Sends a message with the frame's extras; false when it could not be sent (no open socket, an
 * answer on its way, blank text, or the socket refused it).
 */
export function useSendMessage(
  { socketRef, optionsRef, sessionRef, answeringRef, sentCountRef }: ConversationRefs,
  dispatch: ActionDispatch<[action: ConversationAction]>,
): (content: string, fields?: Record<string, unknown>) => Promise<boolean> {
  return useCallback(
    async (content: string, fields: Record<string, unknown> = {}): Promise<boolean> => {
      const socket = socketRef.current;
      if (!socket || !socket.isOpen || answeringRef.current || content.trim() === '') return false;
      answeringRef.current = true;
      let extras: Record<string, unknown> = {};
      try {
        extras = (await optionsRef.current.frameExtras?.()) ?? {};
      } catch {
        // Missing context (e.g. the notebook did not answer) must not block the question.
        extras = {};
      }
      const frame = {
        ...extras,
        ...fields,
        content,
        ...(sessionRef.current ? { session_id: sessionRef.current } : {}),
      };
      if (!socket.send(frame)) {
        answeringRef.current = false;
        dispatch({ type: 'problem', message: 'Not connected: your message was not sent.' });
        return false;
      }
      sentCountRef.current += 1;
      dispatch({ type: 'sent', id: `local-${sentCountRef.current}`, content });
      return true;
    },
    [answeringRef, dispatch, optionsRef, sentCountRef, sessionRef, socketRef],
  );
}
