import type { ChatServerEvent } from '@tutor/shared/chat';
import { useEffect, type ActionDispatch } from 'react';
import { apiClient } from '../api/client';
import { ConversationSocket, type ConnectionState } from './conversation-socket';
import type { ConversationRefs } from './conversation-refs';
import type { ConversationAction } from './conversation-state';
import type { UseConversationOptions } from './conversation-types';

const defaultAuth: NonNullable<UseConversationOptions['auth']> = {
  getToken: () => apiClient.getAccessToken(),
  refreshToken: () => apiClient.refresh(),
  // The auth provider listens to token changes: a null token signs the user out.
  onSignedOut: () => apiClient.setAccessToken(null),
};

interface SocketHandlers {
  dispatch: ActionDispatch<[action: ConversationAction]>;
  setConnection: (state: ConnectionState) => void;
  handleEvent: (event: ChatServerEvent) => void;
  flushTokens: () => void;
}

/** One socket per URL, kept across re-renders and session switches. */
export function useConversationSocket(
  url: string,
  {
    socketRef,
    optionsRef,
    answeringRef,
    discardingRef,
    pendingTokensRef,
    flushTimerRef,
  }: ConversationRefs,
  { dispatch, setConnection, handleEvent, flushTokens }: SocketHandlers,
): void {
  useEffect(() => {
    const auth = optionsRef.current.auth ?? defaultAuth;
    const socket = new ConversationSocket({
      url,
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
  }, [
    url,
    handleEvent,
    flushTokens,
    answeringRef,
    discardingRef,
    dispatch,
    flushTimerRef,
    optionsRef,
    pendingTokensRef,
    setConnection,
    socketRef,
  ]);
}
