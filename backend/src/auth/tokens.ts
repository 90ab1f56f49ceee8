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

export function createTokenSigner(secret: string, accessTokenTtlSeconds: number): TokenSigner {
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
      try {
        const { payload } = await jwtVerify(token, await keyPromise, { algorithms: ['HS256'] });
        if (payload.token_type !== 'access' || typeof payload.sub !== 'string') return null;
        return { userId: payload.sub };
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
