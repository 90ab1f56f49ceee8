import { createHmac } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * Save tokens authenticate `navigator.sendBeacon` saves, which cannot send an Authorization
 * header. The page fetches one (authenticated) beforehand and puts it in the beacon's body, never
 * in the URL. A token is good for one user, one module and this purpose only: it is signed with a
 * key derived from the JWT secret for this use alone, so neither an access token nor anything else
 * signed by the app can pass for one, and a save token cannot pass for an access token.
 */
export interface SaveTokenSigner {
  ttlSeconds: number;
  create(userId: string, moduleId: string): Promise<string>;
  /** The user the token was issued to, or null when it is invalid, expired or for another module. */
  verify(token: string, moduleId: string): Promise<{ userId: string } | null>;
}

const TOKEN_TYPE = 'progress_save';

export function createSaveTokenSigner(jwtSecret: string, ttlSeconds: number): SaveTokenSigner {
  const raw = createHmac('sha256', jwtSecret).update('progress-save-token/v1').digest();
  // Imported once: jose would import a raw key again on every call (measured ~4x slower).
  const keyPromise = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return {
    ttlSeconds,
    create: async (userId, moduleId) =>
      new SignJWT({ token_type: TOKEN_TYPE, module_id: moduleId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(await keyPromise),
    async verify(token, moduleId) {
      try {
        const { payload } = await jwtVerify(token, await keyPromise, { algorithms: ['HS256'] });
        if (payload.token_type !== TOKEN_TYPE || typeof payload.sub !== 'string') return null;
        if (payload.module_id !== moduleId) return null;
        return { userId: payload.sub };
      } catch (error) {
        if (error instanceof errors.JOSEError) return null;
        throw error;
      }
    },
  };
}
