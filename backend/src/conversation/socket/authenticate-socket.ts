import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { SocketCloseCodes } from '@tutor/shared/chat';

/** The user of `?token=<access token>`, or null after closing the socket with 4001. */
export async function authenticateSocket(
  app: FastifyInstance,
  socket: WebSocket,
  request: FastifyRequest,
): Promise<string | null> {
  const token = (request.query as Record<string, unknown> | undefined)?.token;
  const claims =
    typeof token === 'string' && token !== '' ? await app.tokens.verifyAccessToken(token) : null;
  if (!claims) {
    socket.close(
      SocketCloseCodes.unauthorized,
      token ? 'Invalid or expired token' : 'Missing token',
    );
    return null;
  }
  return claims.userId;
}
