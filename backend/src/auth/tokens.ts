import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export interface AccessTokenClaims {
  userId: string;
  /** The user's token generation when the token was issued (see token-generations.ts). */
  generation: number;
}

export interface TokenSigner {
  /** A short-lived JWT: `sub` = user id, `gen` = token generation, `token_type` = "access". */
  createAccessToken(userId: string, generation: number): Promise<string>;
  /**
   * The claims of a well-formed access token signed by us and not expired, or null for anything
   * else (expired, forged, a refresh token, claims missing or out of range...). Whether the
   * generation is still current is for the caller to check.
   */
  verifyAccessToken(token: string): Promise<AccessTokenClaims | null>;
  accessTokenTtlSeconds: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How far in the future an `iat` may be (clocks of several instances drift a little). */
const CLOCK_SKEW_SECONDS = 30;

/**
 * The claims of a token whose signature and `exp`/`nbf` jose has checked, or null when they are
 * not the claims this app signs: the app's own tokens always carry all of these, so a token that
 * lacks one was not made by `createAccessToken` (or by an older, laxer version of it).
 */
function accessClaims(payload: JWTPayload, ttlSeconds: number): AccessTokenClaims | null {
  const { sub, iat, exp, gen, token_type: tokenType } = payload;
  if (tokenType !== 'access') return null;
  if (typeof sub !== 'string' || !UUID.test(sub)) return null;
  if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 0) return null;
  if (typeof iat !== 'number' || typeof exp !== 'number') return null;
  if (iat > Math.floor(Date.now() / 1000) + CLOCK_SKEW_SECONDS) return null;
  // Our tokens live exactly the configured TTL; a longer one was not signed by this app.
  if (exp - iat > ttlSeconds) return null;
  return { userId: sub.toLowerCase(), generation: gen };
}

/**
 * Access tokens whose signature and claims were checked, by their exact text, with their expiry
 * (epoch seconds). Every request of a page carries the same token: checking the HMAC once per
 * token instead of once per request saves a crypto job and its promises on each call. Only valid
 * tokens enter, so a client sending forged tokens cannot fill it; the oldest entry leaves when it
 * is full. Revocation is not decided here: the caller checks the generation on every use.
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
    async createAccessToken(userId, generation) {
      // One clock reading for both, so `exp - iat` is exactly the TTL.
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ token_type: 'access', gen: generation })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt(now)
        .setExpirationTime(now + accessTokenTtlSeconds)
        .sign(await keyPromise);
    },
    async verifyAccessToken(token) {
      const known = verified.get(token);
      if (known) {
        // As jose decides expiry: expired once `exp` is not after the current whole second.
        if (known.expiresAt > Math.floor(Date.now() / 1000)) return known.claims;
        verified.delete(token);
        return null;
      }
      try {
        const { payload } = await jwtVerify(token, await keyPromise, {
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub'],
        });
        const claims = accessClaims(payload, accessTokenTtlSeconds);
        if (!claims) return null;
        // A token with `nbf` is checked again each time (the app never sets one).
        if (payload.nbf === undefined) {
          if (verified.size >= VERIFIED_TOKENS_MAX) verified.delete(verified.keys().next().value!);
          verified.set(token, { claims, expiresAt: payload.exp! });
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
