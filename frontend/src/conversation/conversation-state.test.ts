import { describe, expect, it } from 'vitest';
import { conversationReducer, initialConversationState } from './conversation-state';

describe('conversationReducer', () => {
  it('labels an answer with the provider that actually answered after a failover', () => {
    let state = conversationReducer(initialConversationState, {
      type: 'sent',
      id: 'local-1',
      content: 'What is a determinant?',
    });
    state = conversationReducer(state, {
      type: 'session',
      event: {
        type: 'session',
        session_id: '6f1c1f8e-8a8e-4f52-9d38-6a0e2f0b8b11',
        tutor_label: 'Claude',
        offline: false,
      } as never,
    });
    state = conversationReducer(state, { type: 'tokens', text: 'A determinant…' });
    state = conversationReducer(state, {
      type: 'done',
      event: {
        type: 'done',
        hint_level: 2,
        programming_difficulty: 3,
        maths_difficulty: 3,
        message_id: '0d3f1b9e-2c49-4d8e-8a0a-5b1e3c2d4f60',
        status: 'complete',
        tutor_label: 'Offline tutor',
        offline: true,
      },
    });
    expect(state.messages.at(-1)).toMatchObject({ role: 'assistant', tutorLabel: 'Offline tutor' });
    expect(state.tutorLabel).toBe('Offline tutor');
    expect(state.offline).toBe(true);
  });

  it("keeps the first answer's start reason until the next answer", () => {
    const done = (startReason?: string) => ({
      type: 'done' as const,
      event: {
        type: 'done' as const,
        hint_level: 3,
        programming_difficulty: 4,
        maths_difficulty: 2,
        message_id: '0d3f1b9e-2c49-4d8e-8a0a-5b1e3c2d4f60',
        status: 'complete' as const,
        ...(startReason === undefined ? {} : { start_reason: startReason }),
      },
    });
    const first = conversationReducer(initialConversationState, done('Starting at hint 3: …'));
    expect(first.startReason).toBe('Starting at hint 3: …');
    expect(conversationReducer(first, done()).startReason).toBeNull();
  });

  it('remembers that the tutor waits for an attempt until the next message is sent', () => {
    const done = (needsAttempt?: boolean) => ({
      type: 'done' as const,
      event: {
        type: 'done' as const,
        hint_level: 3,
        programming_difficulty: 2,
        maths_difficulty: 2,
        message_id: '0d3f1b9e-2c49-4d8e-8a0a-5b1e3c2d4f60',
        status: 'complete' as const,
        ...(needsAttempt === undefined ? {} : { needs_attempt: needsAttempt }),
      },
    });
    let state = conversationReducer(initialConversationState, done(true));
    expect(state.needsAttempt).toBe(true);
    state = conversationReducer(state, { type: 'sent', id: 'local-2', content: 'Next hint' });
    expect(state.needsAttempt).toBe(false);
    expect(conversationReducer(state, done(true)).needsAttempt).toBe(true);
    expect(conversationReducer(state, done(false)).needsAttempt).toBe(false);
    expect(conversationReducer(state, done()).needsAttempt).toBe(false);
    expect(
      conversationReducer(conversationReducer(state, done(true)), { type: 'reset', loading: false })
        .needsAttempt,
    ).toBe(false);
  });
});
