import { MAX_HINT_LEVEL } from '@tutor/shared/chat';
import { useCallback, useReducer, useState } from 'react';
import type { ConnectionState } from './conversation-socket';
import { conversationReducer, initialConversationState } from './conversation-state';
import { useConversationRefs } from './conversation-refs';
import type { Conversation, UseConversationOptions } from './conversation-types';
import { useConversationSocket } from './use-conversation-socket';
import { useFlushTokens, useServerEvents } from './use-server-events';
import { useSendMessage } from './use-send-message';
import { useSessionHistory } from './use-session-history';

export type { Conversation, UseConversationOptions } from './conversation-types';

/** What "Next hint" sends: an elaboration request the pedagogy engine recognises. */
export const NEXT_HINT_REQUEST = 'Can you give me the next hint?';
/** Sent with `from_first_hint`: the same problem again from hint 1. */
export const START_OVER_REQUEST = 'Please start from the first hint.';

/**
 * A conversation over a chat/tutor socket: the messages, the answer being streamed, the hint level,
 * errors and the connection state. Shared by the chat page and the workspace's tutor panel.
 */
export function useConversation(options: UseConversationOptions): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, initialConversationState);
  const [connection, setConnection] = useState<ConnectionState>({ status: 'idle' });
  const [sessionId, setSessionId] = useState<string | null>(options.sessionId);
  const refs = useConversationRefs(options);
  const { socketRef, answeringRef } = refs;

  const flushTokens = useFlushTokens(refs, dispatch);
  const handleEvent = useServerEvents(refs, dispatch, setSessionId, flushTokens);
  useConversationSocket(options.url, refs, { dispatch, setConnection, handleEvent, flushTokens });
  useSessionHistory(options.sessionId, state.messages.length > 0, refs, dispatch, setSessionId);
  const send = useSendMessage(refs, dispatch);

  const stop = useCallback(() => {
    if (answeringRef.current) socketRef.current?.stop();
  }, [answeringRef, socketRef]);

  const nextHint = useCallback(() => send(NEXT_HINT_REQUEST), [send]);
  const startOver = useCallback(() => send(START_OVER_REQUEST, { from_first_hint: true }), [send]);
  const dismissError = useCallback(() => dispatch({ type: 'dismiss_error' }), []);
  const reconnect = useCallback(() => socketRef.current?.reconnectNow(), [socketRef]);

  return {
    ...state,
    connection,
    sessionId,
    send,
    stop,
    nextHint,
    startOver,
    canSend: !state.answering && connection.status === 'connected',
    canRequestNextHint:
      state.hintLevel !== null &&
      state.hintLevel < MAX_HINT_LEVEL &&
      !state.answering &&
      connection.status === 'connected',
    dismissError,
    reconnect,
  };
}
