import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { unauthorized } from '../errors/app-error';
import { TokenGenerations } from './token-generations';
import type { AccessTokenClaims, TokenSigner } from './tokens';

/** Why an access token was refused: bad or expired, revoked since, or its account is gone. */
export type AccessCheck =
  | { ok: true; claims: AccessTokenClaims }
  | { ok: false; reason: 'invalid' | 'revoked' | 'no-account' };

/** Access tokens as the rest of the app uses them: signed, checked, and revocable at once. */
export interface AccessTokens {
  accessTokenTtlSeconds: number;
  /** Signs an access token under `generation`, by default the user's current one. */
  createAccessToken(userId: string, generation?: number): Promise<string>;
  /** The claims of a valid access token that was not revoked since; null for anything else. */
  verifyAccessToken(token: string): Promise<AccessTokenClaims | null>;
  checkAccessToken(token: string): Promise<AccessCheck>;
  /**
   * Ends every access token the user holds, on every instance, before it returns (other
   * instances: once PostgreSQL delivers the notification). Returns the new generation.
   */
  revokeAccessTokens(userId: string): Promise<number | undefined>;
  /** Resolves once revocations made by other instances reach this one (at once on PGlite). */
  revocationsShared(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    tokens: AccessTokens;
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

export function createAccessTokens(
  signer: TokenSigner,
  generations: TokenGenerations,
): AccessTokens {
  const checkAccessToken = async (token: string): Promise<AccessCheck> => {
    const claims = await signer.verifyAccessToken(token);
    if (!claims) return { ok: false, reason: 'invalid' };
    const current = await generations.current(claims.userId);
    if (current === undefined) return { ok: false, reason: 'no-account' };
    if (claims.generation !== current) return { ok: false, reason: 'revoked' };
    return { ok: true, claims };
  };
  return {
    accessTokenTtlSeconds: signer.accessTokenTtlSeconds,
    async createAccessToken(userId, generation) {
      return signer.createAccessToken(
        userId,
        generation ?? (await generations.current(userId)) ?? 0,
      );
    },
    checkAccessToken,
    verifyAccessToken: async (token) => {
      const check = await checkAccessToken(token);
      return check.ok ? check.claims : null;
    },
    revokeAccessTokens: (userId) => generations.revoke(userId),
    revocationsShared: () => generations.whenShared(),
  };
}

export const authenticationPlugin = fp<{ tokens: TokenSigner }>(
  async (app, { tokens: signer }) => {
    const generations = new TokenGenerations(app.database, app.log);
    generations.start();
    app.addHook('onClose', () => generations.close());
    const tokens = createAccessTokens(signer, generations);
    app.decorate('tokens', tokens);
    app.decorateRequest('user', null as unknown as { id: string });
    app.decorate('authenticate', async (request: FastifyRequest) => {
      const token = bearerToken(request);
      if (!token) throw unauthorized();
      const check = await tokens.checkAccessToken(token);
      if (!check.ok) {
        throw unauthorized(
          check.reason === 'no-account' ? 'Account no longer exists' : 'Invalid or expired token',
        );
      }
      request.user = { id: check.claims.userId };
    });
  },
  { name: 'authentication', dependencies: ['database'] },
);
