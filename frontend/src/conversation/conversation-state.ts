import type { CannedEvent, ChatMessageOut, DoneEvent, SessionEvent } from '@tutor/shared/chat';

/** A message as the conversation components show it. */
export interface ConversationMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  /** The hint level of an assistant answer (null for canned replies and user messages). */
  hintLevel: number | null;
  /**
   * "stopped": the student pressed stop; "incomplete": the answer broke off; "failed": a user
   * message the server refused (not stored).
   */
  status: 'complete' | 'stopped' | 'incomplete' | 'failed';
  /** Set on instant replies (greeting, off-topic refusal). */
  canned?: CannedEvent['filter'];
  /** Who answered, when known (e.g. "Offline tutor"). */
  tutorLabel?: string;
}

export interface ConversationState {
  messages: ConversationMessage[];
  /** The answer being streamed, null when none. */
  streaming: string | null;
  /** True from sending a message until its turn ends (done, canned or error). */
  answering: boolean;
  /** True once the server acknowledged the current turn with a `session` event. */
  turnAcknowledged: boolean;
  /** The level of the latest answer: "Hint {hintLevel} of 5". */
  hintLevel: number | null;
  tutorLabel: string | null;
  offline: boolean;
  error: string | null;
  /** The session's history is loading. */
  loading: boolean;
}

export type ConversationAction =
  | { type: 'reset'; loading: boolean }
  | { type: 'loaded'; messages: ChatMessageOut[] }
  | { type: 'load_failed'; message: string }
  | { type: 'sent'; id: string; content: string }
  | { type: 'session'; event: SessionEvent }
  | { type: 'tokens'; text: string }
  | { type: 'done'; event: DoneEvent }
  | { type: 'canned'; event: CannedEvent }
  | { type: 'turn_error'; message: string }
  | { type: 'connection_lost' }
  | { type: 'problem'; message: string }
  | { type: 'dismiss_error' };

export const initialConversationState: ConversationState = {
  messages: [],
  streaming: null,
  answering: false,
  turnAcknowledged: false,
  hintLevel: null,
  tutorLabel: null,
  offline: false,
  error: null,
  loading: false,
};

export function fromStoredMessage(message: ChatMessageOut): ConversationMessage {
  return {
    id: message.id,
    role: message.role,
    content: message.content,
    hintLevel: message.hint_level_used,
    status: message.status,
    ...(message.tutor_label ? { tutorLabel: message.tutor_label } : {}),
  };
}

/** Ends the current turn, keeping whatever part of an answer had arrived. */
function endTurn(state: ConversationState, error: string | null): ConversationState {
  let messages = state.messages;
  if (state.streaming) {
    messages = [
      ...messages,
      {
        id: `partial-${messages.length}`,
        role: 'assistant',
        content: state.streaming,
        hintLevel: null,
        status: 'incomplete',
        tutorLabel: state.tutorLabel ?? undefined,
      },
    ];
  } else if (state.answering && !state.turnAcknowledged) {
    // Refused before the server took it: the last user message was not stored.
    messages = messages.map((message, index) =>
      index === messages.length - 1 && message.role === 'user'
        ? { ...message, status: 'failed' }
        : message,
    );
  }
  return { ...state, messages, streaming: null, answering: false, turnAcknowledged: false, error };
}

export function conversationReducer(
  state: ConversationState,
  action: ConversationAction,
): ConversationState {
  switch (action.type) {
    case 'reset':
      return {
        ...initialConversationState,
        loading: action.loading,
        tutorLabel: state.tutorLabel,
        offline: state.offline,
      };
    case 'loaded': {
      const messages = action.messages.map(fromStoredMessage);
      const lastAnswer = [...messages]
        .reverse()
        .find((message) => message.role === 'assistant' && message.hintLevel !== null);
      return { ...state, messages, loading: false, hintLevel: lastAnswer?.hintLevel ?? null };
    }
    case 'load_failed':
      return { ...state, loading: false, error: action.message };
    case 'sent':
      return {
        ...state,
        messages: [
          ...state.messages,
          {
            id: action.id,
            role: 'user',
            content: action.content,
            hintLevel: null,
            status: 'complete',
          },
        ],
        answering: true,
        turnAcknowledged: false,
        streaming: null,
        error: null,
      };
    case 'session':
      return {
        ...state,
        turnAcknowledged: true,
        tutorLabel: action.event.tutor_label,
        offline: action.event.offline,
        hintLevel: state.hintLevel ?? action.event.hint_level,
      };
    case 'tokens':
      return { ...state, streaming: (state.streaming ?? '') + action.text };
    case 'done':
      return {
        ...state,
        messages: [
          ...state.messages,
          {
            id: action.event.message_id,
            role: 'assistant',
            content: state.streaming ?? '',
            hintLevel: action.event.hint_level,
            status: action.event.status,
            // After a failover the provider that actually answered names itself in `done`.
            tutorLabel: action.event.tutor_label ?? state.tutorLabel ?? undefined,
          },
        ],
        streaming: null,
        answering: false,
        turnAcknowledged: false,
        hintLevel: action.event.hint_level,
        tutorLabel: action.event.tutor_label ?? state.tutorLabel,
        offline: action.event.offline ?? state.offline,
      };
    case 'canned':
      return {
        ...state,
        messages: [
          ...state.messages,
          {
            id: action.event.message_id,
            role: 'assistant',
            content: action.event.content,
            hintLevel: null,
            status: 'complete',
            canned: action.event.filter,
          },
        ],
        streaming: null,
        answering: false,
        turnAcknowledged: false,
      };
    case 'turn_error':
      return endTurn(state, action.message);
    case 'connection_lost':
      if (!state.answering) return state;
      return endTurn(
        state,
        'The connection was lost while the tutor was answering. Ask again once it is back.',
      );
    case 'problem':
      return { ...state, error: action.message };
    case 'dismiss_error':
      return { ...state, error: null };
  }
}
