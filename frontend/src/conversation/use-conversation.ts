import {
  MAX_HINT_LEVEL,
  type ChatMessageOut,
  type ChatServerEvent,
  type SessionEvent,
} from '@tutor/shared/chat';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { apiClient } from '../api/client';
import {
  ConversationSocket,
  type ConnectionState,
  type ConversationSocketOptions,
} from './conversation-socket';
import {
  conversationReducer,
  initialConversationState,
  type ConversationState,
} from './conversation-state';

/** What "Next hint" sends: an elaboration request the pedagogy engine recognises. */
export const NEXT_HINT_REQUEST = 'Can you give me the next hint?';

export interface UseConversationOptions {
  /** Socket path and query without the token: `/ws/chat` or `/ws/tutor?module_id=…`. */
  url: string;
  /** The session to show and continue; null starts a new one with the next message. */
  sessionId: string | null;
  /** Loads a session's stored messages (e.g. `getSessionMessages`). */
  loadMessages?: (sessionId: string, signal: AbortSignal) => Promise<ChatMessageOut[]>;
  /** Called when the server names the turn's session (e.g. to put a new session id in the URL). */
  onSession?: (event: SessionEvent) => void;
  /** Called after every finished turn (done or canned), e.g. to refresh a session list. */
  onTurnEnd?: () => void;
  /** Extra fields for each message frame (the tutor adds the notebook's cell code and errors). */
  frameExtras?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Token handling; defaults to the app's API client. */
  auth?: Pick<ConversationSocketOptions, 'getToken' | 'refreshToken' | 'onSignedOut'>;
  /** For tests. */
  WebSocketImpl?: typeof WebSocket;
}

export interface Conversation extends ConversationState {
  connection: ConnectionState;
  /** The session the conversation is in (null until the server creates one). */
  sessionId: string | null;
  /** Sends a message; false when it could not be sent (not connected, answering, empty). */
  send: (content: string) => Promise<boolean>;
  /** Ends the answer being streamed. */
  stop: () => void;
  /** Sends an elaboration request for the next hint level. */
  nextHint: () => Promise<boolean>;
  canRequestNextHint: boolean;
  dismissError: () => void;
  /** Reconnects at once instead of waiting out the backoff. */
  reconnect: () => void;
}

const defaultAuth: NonNullable<UseConversationOptions['auth']> = {
  getToken: () => apiClient.getAccessToken(),
  refreshToken: () => apiClient.refresh(),
  // The auth provider listens to token changes: a null token signs the user out.
  onSignedOut: () => apiClient.setAccessToken(null),
};

/**
 * A conversation over a chat/tutor socket: the messages, the answer being streamed, the hint level,
 * errors and the connection state. Shared by the chat page and the workspace's tutor panel.
 */
export function useConversation(options: UseConversationOptions): Conversation {
  const [state, dispatch] = useReducer(conversationReducer, initialConversationState);
  const [connection, setConnection] = useState<ConnectionState>({ status: 'idle' });
  const [sessionId, setSessionId] = useState<string | null>(options.sessionId);
  const socketRef = useRef<ConversationSocket | null>(null);
  const optionsRef = useRef(options);
  const sessionRef = useRef<string | null>(options.sessionId);
  const answeringRef = useRef(false);
  /** Set when the student switched sessions mid-answer: the rest of that turn is dropped. */
  const discardingRef = useRef(false);
  const pendingTokensRef = useRef('');
  const flushTimerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sentCountRef = useRef(0);

  useEffect(() => {
    optionsRef.current = options;
  });

  const flushTokens = useCallback(() => {
    if (flushTimerRef.current !== null) clearTimeout(flushTimerRef.current);
    flushTimerRef.current = null;
    if (pendingTokensRef.current === '') return;
    const text = pendingTokensRef.current;
    pendingTokensRef.current = '';
    dispatch({ type: 'tokens', text });
  }, []);

  const handleEvent = useCallback(
    (event: ChatServerEvent) => {
      const endsTurn = event.type === 'done' || event.type === 'canned' || event.type === 'error';
      if (discardingRef.current) {
        if (endsTurn) {
          discardingRef.current = false;
          answeringRef.current = false;
        }
        return;
      }
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
    [flushTokens],
  );

  // One socket per URL, kept across re-renders and session switches.
  useEffect(() => {
    const auth = optionsRef.current.auth ?? defaultAuth;
    const socket = new ConversationSocket({
      url: options.url,
      ...auth,
      WebSocketImpl: optionsRef.current.WebSocketImpl,
      onEvent: handleEvent,
      onStateChange: (next) => {
        setConnection(next);
        if (next.status !== 'connected' && answeringRef.current) {
          answeringRef.current = false;
          discardingRef.current = false;
          flushTokens();
          dispatch({ type: 'connection_lost' });
        }
      },
      onProblem: (message) => dispatch({ type: 'problem', message }),
    });
    socketRef.current = socket;
    socket.start();
    return () => {
      socket.close();
      socketRef.current = null;
      if (flushTimerRef.current !== null) clearTimeout(flushTimerRef.current);
      flushTimerRef.current = null;
      pendingTokensRef.current = '';
    };
  }, [options.url, handleEvent, flushTokens]);

  // Switching sessions: load the chosen one, unless it is the one this socket just created.
  const requestedSession = options.sessionId;
  useEffect(() => {
    const justCreated =
      requestedSession !== null &&
      requestedSession === sessionRef.current &&
      (state.messages.length > 0 || answeringRef.current);
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
    // Only a change of the requested session reloads; state.messages is read, not watched.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestedSession]);

  const send = useCallback(async (content: string): Promise<boolean> => {
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
  }, []);

  const stop = useCallback(() => {
    if (answeringRef.current) socketRef.current?.stop();
  }, []);

  const nextHint = useCallback(() => send(NEXT_HINT_REQUEST), [send]);
  const dismissError = useCallback(() => dispatch({ type: 'dismiss_error' }), []);
  const reconnect = useCallback(() => socketRef.current?.reconnectNow(), []);

  return {
    ...state,
    connection,
    sessionId,
    send,
    stop,
    nextHint,
    canRequestNextHint:
      state.hintLevel !== null &&
      state.hintLevel < MAX_HINT_LEVEL &&
      !state.answering &&
      connection.status === 'connected',
    dismissError,
    reconnect,
  };
}
