// WebSocket /ws/chat?token=<access token> (foundation §2): general chat sessions.
import type { FastifyInstance } from 'fastify';
import { ChatMessageFrameSchema } from '@tutor/shared/chat';
import { describeZodError } from '../../errors/validation';
import { UNAVAILABLE_MESSAGE } from '../pipeline/canned';
import { runTurn } from '../pipeline/run-turn';
import { turnDeps } from '../deps';
import { authenticateSocket } from './authenticate-socket';
import { openConversation } from './conversation';
import { settlePendingTurns } from './live-sockets';
import { withinMessageBudget } from './message-budget';

export async function chatSocket(app: FastifyInstance): Promise<void> {
  app.addHook('onClose', () => settlePendingTurns());

  app.get('/ws/chat', { websocket: true }, (socket, request) => {
    const conversation = openConversation(socket, request.log, app.config.CHAT_SOCKET_PING_MS);
    void authenticateSocket(app, socket, request)
      .then((userId) => {
        if (!userId) return;
        conversation.start(async (raw, signal, send) => {
          const frame = ChatMessageFrameSchema.safeParse(raw);
          if (!frame.success)
            return send({ type: 'error', message: describeZodError(frame.error) });
          if (!withinMessageBudget(app, userId, send)) return;
          const deps = turnDeps(app, request.log);
          if (!deps) return send({ type: 'error', message: UNAVAILABLE_MESSAGE });
          await runTurn(
            deps,
            {
              userId,
              content: frame.data.content.trim(),
              sessionId: frame.data.session_id,
              sessionType: 'general',
              signal,
            },
            send,
          );
        });
      })
      .catch((error: unknown) => {
        request.log.error({ err: error }, 'chat socket failed to open');
        socket.close(1011, 'Server error');
      });
  });
}
