// /api/chat/sessions: list, read and delete the user's sessions (general and tutor).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ChatSessionParamsSchema, ChatSessionsQuerySchema } from '@tutor/shared/chat';
import { notFound } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { deleteSession, listMessages, listSessions } from './session-queries';

const SESSION_NOT_FOUND = 'Chat session not found';
const sessionParams = { params: zodSchema(ChatSessionParamsSchema, 422) };
type SessionParams = { Params: z.infer<typeof ChatSessionParamsSchema> };

export async function chatSessionRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('onRequest', app.authenticate);

  app.get<{ Querystring: z.infer<typeof ChatSessionsQuerySchema> }>(
    '/api/chat/sessions',
    { schema: { querystring: zodSchema(ChatSessionsQuerySchema, 422) } },
    async (request) => listSessions(app.database.db, request.user.id, request.query),
  );

  app.get<SessionParams>(
    '/api/chat/sessions/:id/messages',
    { schema: sessionParams },
    async (request) => {
      const { id } = request.params;
      const messages = await listMessages(app.database.db, request.user.id, id);
      if (!messages) throw notFound(SESSION_NOT_FOUND);
      return messages;
    },
  );

  app.delete<SessionParams>(
    '/api/chat/sessions/:id',
    { schema: sessionParams },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await deleteSession(app.database.db, request.user.id, id)))
        throw notFound(SESSION_NOT_FOUND);
      return reply.status(204).send();
    },
  );
}
