import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export interface AccessTokenClaims {
  userId: string;
}

export interface TokenSigner {
  /** A short-lived JWT: `sub` = user id, `token_type` = "access". */
  createAccessToken(userId: string): Promise<string>;
  /** The claims of a valid access token, or null for anything else (expired, forged, refresh...). */
  verifyAccessToken(token: string): Promise<AccessTokenClaims | null>;
  accessTokenTtlSeconds: number;
}

/**
 * Access tokens whose signature was checked, by their exact text, with their expiry (epoch
 * seconds). Every request of a page carries the same token: checking the HMAC once per token
 * instead of once per request saves a crypto job and its promises on each call. Only valid tokens
 * enter, so a client sending forged tokens cannot fill it; the oldest entry leaves when it is full.
 */
const VERIFIED_TOKENS_MAX = 10_000;

export function createTokenSigner(secret: string, accessTokenTtlSeconds: number): TokenSigner {
  const verified = new Map<string, { claims: AccessTokenClaims; expiresAt: number }>();
  // Imported once: jose would import a raw key again on every sign and verify (~4x slower).
  const keyPromise = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return {
    accessTokenTtlSeconds,
    createAccessToken: async (userId) =>
      new SignJWT({ token_type: 'access' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${accessTokenTtlSeconds}s`)
        .sign(await keyPromise),
    async verifyAccessToken(token) {
      const known = verified.get(token);
      if (known) {
        // As jose decides expiry: expired once `exp` is not after the current whole second.
        if (known.expiresAt > Math.floor(Date.now() / 1000)) return known.claims;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, await keyPromise, { algorithms: ['HS256'] });
        if (payload.token_type !== 'access' || typeof payload.sub !== 'string') return null;
        const claims = { userId: payload.sub };
        if (typeof payload.exp === 'number' && payload.nbf === undefined) {
          if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!);
          verified.set(token, { claims, expiresAt: payload.exp });
        }
        return claims;
      } catch (error) {
        if (error instanceof errors.JOSEError) return null;
        throw error;
      }
    },
  };
}

/** Refresh tokens are opaque random strings; only their SHA-256 is stored. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
