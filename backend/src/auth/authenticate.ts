import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthorized } from '../errors/app-error';
import type { TokenSigner } from './tokens';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokenSigner;
    /** preHandler for protected routes: sets `request.user` or answers 401. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    user: { id: string };
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

export const authenticationPlugin = fp<{ tokens: TokenSigner }>(
  async (app, { tokens }) => {
    app.decorate('tokens', tokens);
    app.decorateRequest('user', null as unknown as { id: string });
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      if (!token) throw unauthorized();
      const claims = await tokens.verifyAccessToken(token);
      if (!claims) throw unauthorized('Invalid or expired token');
      request.user = { id: claims.userId };
    });
  },
  { name: 'authentication' },
);
