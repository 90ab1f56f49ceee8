// WebSocket /ws/chat?token=<access token> (foundation §2): general chat sessions.
import type { FastifyInstance } from 'fastify';
import { ChatMessageFrameSchema } from '@tutor/shared/chat';
import { registerConversation } from '../conversation/register';

export async function chatSocket(app: FastifyInstance): Promise<void> {
  registerConversation(app, {
    name: 'chat',
    path: '/ws/chat',
    frameSchema: ChatMessageFrameSchema,
    prepare: async () => (frame) => ({
      content: frame.content.trim(),
      sessionId: frame.session_id,
      fromFirstHint: frame.from_first_hint === true,
      sessionType: 'general',
    }),
  });
}
