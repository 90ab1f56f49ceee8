import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'refresh_token';

/** Only the auth routes ever see the refresh token. */
const REFRESH_COOKIE_PATH = '/api/auth';

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: REFRESH_COOKIE_PATH,
    // Secure over HTTPS (behind a proxy this needs TRUST_PROXY so request.protocol is right).
    secure: request.protocol === 'https',
  };
}

export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  ttlDays: number,
): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    ...cookieOptions(request),
    maxAge: ttlDays * 24 * 60 * 60,
  });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));
}

export function refreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value ? value : undefined;
}
