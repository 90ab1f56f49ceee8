// /api/chat/sessions: list, read and delete the user's sessions (general and tutor).
import type { FastifyInstance } from 'fastify';
import { ChatSessionParamsSchema, ChatSessionsQuerySchema } from '@tutor/shared/chat';
import { notFound } from '../errors/app-error';
import { parseInput } from '../errors/validation';
import { deleteSession, listMessages, listSessions } from './session-queries';

const SESSION_NOT_FOUND = 'Chat session not found';

export async function chatSessionRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', app.authenticate);

  app.get('/api/chat/sessions', async (request) => {
    const filter = parseInput(ChatSessionsQuerySchema, request.query, 422);
    return listSessions(app.database.db, request.user.id, filter);
  });

  app.get('/api/chat/sessions/:id/messages', async (request) => {
    const { id } = parseInput(ChatSessionParamsSchema, request.params, 422);
    const messages = await listMessages(app.database.db, request.user.id, id);
    if (!messages) throw notFound(SESSION_NOT_FOUND);
    return messages;
  });

  app.delete('/api/chat/sessions/:id', async (request, reply) => {
    const { id } = parseInput(ChatSessionParamsSchema, request.params, 422);
    if (!(await deleteSession(app.database.db, request.user.id, id)))
      throw notFound(SESSION_NOT_FOUND);
    return reply.status(204).send();
  });
}
