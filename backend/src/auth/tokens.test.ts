import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenSigner } from './tokens';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

describe('access token verification', () => {
  afterEach(() => vi.useRealTimers());

  it('accepts a token again from memory until it expires, then refuses it', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-25T12:00:00Z') });
    const signer = createTokenSigner(SECRET, 60);
    const token = await signer.createAccessToken('user-1');
    expect(await signer.verifyAccessToken(token)).toEqual({ userId: 'user-1' });
    vi.setSystemTime(new Date('2026-11-25T12:00:59Z'));
    expect(await signer.verifyAccessToken(token)).toEqual({ userId: 'user-1' });
    vi.setSystemTime(new Date('2026-11-25T12:01:00Z'));
    expect(await signer.verifyAccessToken(token)).toBeNull();
    expect(await signer.verifyAccessToken(token)).toBeNull();
  });

  it('does not trust a token that only differs from a verified one in its signature', async () => {
    const signer = createTokenSigner(SECRET, 60);
    const token = await signer.createAccessToken('user-1');
    expect(await signer.verifyAccessToken(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = `${header}.${payload}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await signer.verifyAccessToken(forged)).toBeNull();
  });

  it('refuses a token signed with another secret even after verifying the real one', async () => {
    const signer = createTokenSigner(SECRET, 60);
    expect(await signer.verifyAccessToken(await signer.createAccessToken('user-1'))).not.toBeNull();
    const other = await new SignJWT({ token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'));
    expect(await signer.verifyAccessToken(other)).toBeNull();
  });
});
