import {
  PASSWORD_RESET_REQUESTED,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  type PasswordResetConfirmRequest,
  type PasswordResetDone,
  type PasswordResetRequest,
} from '@tutor/shared/account';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { zodSchema } from '../errors/route-schemas';
import type { perIpRouteLimit } from '../rate-limit/limits';
import type { PasswordResets } from './password-resets';
import { clearRefreshCookie } from './refresh-cookie';

export interface PasswordResetRouteOptions {
  resets: PasswordResets;
  /** Route config: requests per minute per client address. */
  ipLimit: ReturnType<typeof perIpRouteLimit>;
  /** Counts a reset request against its email (429 beyond the limit). */
  emailLimit(request: FastifyRequest): Promise<void>;
}

/**
 * Where links in mails point. PUBLIC_URL, required with SMTP_URL: a link built from the request's
 * Host header would let anyone send a student a working token on a site of their choosing.
 * Without SMTP the link is only logged, so the request's own origin will do.
 */
function linkBase(request: FastifyRequest): string {
  const configured = request.server.config.PUBLIC_URL;
  return (configured ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/** `/password-reset` and `/password-reset/confirm`: a forgotten password. */
export function passwordResetRoutes(
  app: FastifyInstance,
  { resets, ipLimit, emailLimit }: PasswordResetRouteOptions,
): void {
  app.post<{ Body: PasswordResetRequest }>(
    '/password-reset',
    { config: ipLimit, schema: { body: zodSchema(PasswordResetRequestSchema) } },
    async (request, reply) => {
      await emailLimit(request);
      resets.request(request.body.email, linkBase(request));
      return reply.status(202).send(PASSWORD_RESET_REQUESTED);
    },
  );

  app.post<{ Body: PasswordResetConfirmRequest }>(
    '/password-reset/confirm',
    { config: ipLimit, schema: { body: zodSchema(PasswordResetConfirmSchema) } },
    async (request, reply): Promise<PasswordResetDone> => {
      await resets.confirm(request.body.token, request.body.new_password);
      // Every session of the account has ended, this browser's included.
      clearRefreshCookie(request, reply);
      return { status: 'ok' };
    },
  );
}
