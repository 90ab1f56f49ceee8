import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenSigner } from './tokens';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const USER = '7c0c3f52-3f0e-4a38-9d8e-2b6f1f0e6a11';

describe('access token verification', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token again from memory until it expires, then refuses it', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
    const signer = createTokenSigner(SECRET, 60);
    const token = await signer.createAccessToken(USER, 3);
    expect(await signer.verifyAccessToken(token)).toEqual({ userId: USER, generation: 3 });
    vi.setSystemTime(new Date('2026-11-25T12:00:59Z'));
    expect(await signer.verifyAccessToken(token)).toEqual({ userId: USER, generation: 3 });
    vi.setSystemTime(new Date('2026-11-25T12:01:00Z'));
    expect(await signer.verifyAccessToken(token)).toBeNull();
    expect(await signer.verifyAccessToken(token)).toBeNull();
  });

  it('does not trust a token that only differs from a verified one in its signature', async () => {
    const signer = createTokenSigner(SECRET, 60);
    const token = await signer.createAccessToken(USER, 3);
    expect(await signer.verifyAccessToken(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await signer.verifyAccessToken(forged)).toBeNull();
  });

  it('refuses a token signed with another secret even after verifying the real one', async () => {
    const signer = createTokenSigner(SECRET, 60);
    expect(await signer.verifyAccessToken(await signer.createAccessToken(USER, 3))).not.toBeNull();
    const other = await new SignJWT({ token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(USER)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'));
    expect(await signer.verifyAccessToken(other)).toBeNull();
  });

  it('gives the token exactly its TTL, even when a second turns while it is signed', async () => {
    const signer = createTokenSigner(SECRET, 60);
    for (let i = 0; i < 50; i += 1) {
      const token = await signer.createAccessToken(USER, 0);
      const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
      expect(payload.exp - payload.iat).toBe(60);
      expect(await signer.verifyAccessToken(token)).not.toBeNull();
    }
  });

  it('refuses a token whose gen is not a whole number of zero or more', async () => {
    const signer = createTokenSigner(SECRET, 60);
    const now = Math.floor(Date.now() / 1000);
    for (const gen of [-1, 1.5, '1', null, undefined]) {
      const token = await new SignJWT({
        token_type: 'access',
        ...(gen === undefined ? {} : { gen }),
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(USER)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode(SECRET));
      expect(await signer.verifyAccessToken(token)).toBeNull();
    }
  });
});
