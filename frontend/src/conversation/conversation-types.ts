import type { ChatMessageOut, SessionEvent } from '@tutor/shared/chat';
import type { ConnectionState, ConversationSocketOptions } from './conversation-socket';
import type { ConversationState } from './conversation-state';

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
  /** Asks for the current problem again from hint 1 (`from_first_hint`). */
  startOver: () => Promise<boolean>;
  /** Not answering and connected: a message can be sent now. */
  canSend: boolean;
  dismissError: () => void;
  /** Reconnects at once instead of waiting out the backoff. */
  reconnect: () => void;
}
