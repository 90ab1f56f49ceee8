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
});
