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
  /**
   * The tutor kept the hint level of its latest answer because the student has not tried their
   * code since the previous hint ("Try your code, then ask for the next hint").
   */
  needsAttempt: boolean;
  /** Why the latest problem's ladder starts where it does (its first answer only). */
  startReason: string | null;
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
  needsAttempt: false,
  startReason: null,
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

/** A session is shown afresh; who answers (and whether offline) stays until the server says. */
function reset(state: ConversationState, loading: boolean): ConversationState {
  return {
    ...initialConversationState,
    loading,
    tutorLabel: state.tutorLabel,
    offline: state.offline,
  };
}

/** A stored session: its messages, at the hint level of its latest graded answer. */
function loaded(state: ConversationState, stored: ChatMessageOut[]): ConversationState {
  const messages = stored.map(fromStoredMessage);
  const lastAnswer = [...messages]
    .reverse()
    .find((message) => message.role === 'assistant' && message.hintLevel !== null);
  return {
    ...state,
    messages,
    loading: false,
    hintLevel: lastAnswer?.hintLevel ?? null,
    needsAttempt: false,
    startReason: null,
  };
}

function sent(state: ConversationState, id: string, content: string): ConversationState {
  return {
    ...state,
    messages: [
      ...state.messages,
      {
        id,
        role: 'user',
        content,
        hintLevel: null,
        status: 'complete',
      },
    ],
    answering: true,
    turnAcknowledged: false,
    streaming: null,
    error: null,
    needsAttempt: false,
    startReason: null,
  };
}

function sessionAcknowledged(state: ConversationState, event: SessionEvent): ConversationState {
  return {
    ...state,
    turnAcknowledged: true,
    tutorLabel: event.tutor_label,
    offline: event.offline,
    hintLevel: state.hintLevel ?? event.hint_level,
  };
}

function done(state: ConversationState, event: DoneEvent): ConversationState {
  return {
    ...state,
    messages: [
      ...state.messages,
      {
        id: event.message_id,
        role: 'assistant',
        content: state.streaming ?? '',
        hintLevel: event.hint_level,
        status: event.status,
        // After a failover the provider that actually answered names itself in `done`.
        tutorLabel: event.tutor_label ?? state.tutorLabel ?? undefined,
      },
    ],
    streaming: null,
    answering: false,
    turnAcknowledged: false,
    hintLevel: event.hint_level,
    needsAttempt: event.needs_attempt === true,
    startReason: event.start_reason ?? null,
    tutorLabel: event.tutor_label ?? state.tutorLabel,
    offline: event.offline ?? state.offline,
  };
}

function canned(state: ConversationState, event: CannedEvent): ConversationState {
  return {
    ...state,
    messages: [
      ...state.messages,
      {
        id: event.message_id,
        role: 'assistant',
        content: event.content,
        hintLevel: null,
        status: 'complete',
        canned: event.filter,
      },
    ],
    streaming: null,
    answering: false,
    turnAcknowledged: false,
  };
}

function connectionLost(state: ConversationState): ConversationState {
  if (!state.answering) return state;
  return endTurn(
    state,
    'The connection was lost while the tutor was answering. Ask again once it is back.',
  );
}

export function conversationReducer(
  state: ConversationState,
  action: ConversationAction,
): ConversationState {
  switch (action.type) {
    case 'reset':
      return reset(state, action.loading);
    case 'loaded':
      return loaded(state, action.messages);
    case 'load_failed':
      return { ...state, loading: false, error: action.message };
    case 'sent':
      return sent(state, action.id, action.content);
    case 'session':
      return sessionAcknowledged(state, action.event);
    case 'tokens':
      return { ...state, streaming: (state.streaming ?? '') + action.text };
    case 'done':
      return done(state, action.event);
    case 'canned':
      return canned(state, action.event);
    case 'turn_error':
      return endTurn(state, action.message);
    case 'connection_lost':
      return connectionLost(state);
    case 'problem':
      return { ...state, error: action.message };
    case 'dismiss_error':
      return { ...state, error: null };
  }
}
