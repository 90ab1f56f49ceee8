/**
 * Seconds until a JWT's `exp`, read without verifying the signature (the server verifies; the
 * browser only needs to know when to refresh). Null when the token carries no readable expiry.
 */
export function secondsUntilExpiry(token: string, now: number = Date.now()): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    if (typeof json !== 'object' || json === null || !('exp' in json)) return null;
    const { exp } = json;
    return typeof exp === 'number' ? exp - now / 1000 : null;
  } catch {
    return null;
  }
}
