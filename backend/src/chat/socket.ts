// WebSocket /ws/chat?token=<access token> (foundation §2): general chat sessions. A class of the
// student may turn general chat off: checked on every turn, before anything is stored.
import type { FastifyInstance } from 'fastify';
import { ChatMessageFrameSchema } from '@tutor/shared/chat';
import { registerConversation } from '../conversation/register';
import { type TurnGate, TurnRefused } from '../conversation';
import {
  CHAT_OFF_MESSAGE,
  chatPolicy,
  type ClassPolicyRow,
  classPoliciesValue,
} from '../courses/policy';

/** Read with the session on every turn (no statement of its own); refuses before anything is stored. */
const chatGate = (userId: string): TurnGate<ClassPolicyRow[]> => ({
  read: classPoliciesValue(userId, null),
  admit(rows) {
    if (!chatPolicy(rows).chat_enabled) throw new TurnRefused(CHAT_OFF_MESSAGE);
    return {};
  },
});

export async function chatSocket(app: FastifyInstance): Promise<void> {
  registerConversation(app, {
    name: 'chat',
    path: '/ws/chat',
    frameSchema: ChatMessageFrameSchema,
    prepare: async ({ userId }) => (frame) => ({
      content: frame.content.trim(),
      sessionId: frame.session_id,
      fromFirstHint: frame.from_first_hint === true,
      sessionType: 'general',
      gate: chatGate(userId),
    }),
  });
}
