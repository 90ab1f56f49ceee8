// WebSocket /ws/chat?token=<access token> (foundation §2): general chat sessions. A class of the
// student may turn general chat off: checked on every turn, before anything is stored.
import type { FastifyInstance } from 'fastify';
import { ChatMessageFrameSchema } from '@tutor/shared/chat';
import { registerConversation } from '../conversation/register';
import { TurnRefused } from '../conversation';
import { CHAT_OFF_MESSAGE, studentChatPolicy } from '../courses/policy';

export async function chatSocket(app: FastifyInstance): Promise<void> {
  registerConversation(app, {
    name: 'chat',
    path: '/ws/chat',
    frameSchema: ChatMessageFrameSchema,
    prepare:
      async ({ userId }) =>
      async (frame) => {
        const policy = await studentChatPolicy(app.database.db, userId);
        if (!policy.chat_enabled) throw new TurnRefused(CHAT_OFF_MESSAGE);
        return {
          content: frame.content.trim(),
          sessionId: frame.session_id,
          fromFirstHint: frame.from_first_hint === true,
          sessionType: 'general',
        };
      },
  });
}
