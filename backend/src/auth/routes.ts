import { createHash } from 'node:crypto';
import {
  AccountDeleteSchema,
  type AccountDeleteRequest,
  type AccountDeleted,
} from '@tutor/shared/account';
import {
  LoginSchema,
  PasswordChangeSchema,
  ProfileUpdateSchema,
  RegisterSchema,
  type LoginRequest,
  type LogoutResponse,
  type PasswordChangeRequest,
  type ProfileUpdateRequest,
  type RegisterRequest,
  type Profile,
  type TokenResponse,
} from '@tutor/shared/auth';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unauthorized } from '../errors/app-error';
import { zodSchema } from '../errors/route-schemas';
import { createKeyedLimit, perIpRouteLimit } from '../rate-limit/limits';
import { deleteAccount } from './account-deletion';
import { createLoginThrottle } from './login-throttle';
import { createResetMailer } from './password-reset-mail';
import { passwordResetRoutes } from './password-reset-routes';
import { PasswordResets } from './password-resets';
import { RefreshSessions } from './refresh-sessions';
import { clearRefreshCookie, refreshCookie, setRefreshCookie } from './refresh-cookie';
import { AuthService, type IssuedSession } from './service';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const SWEEP_INTERVAL_MS = 6 * 60 * MINUTE_MS;

/**
 * The account a login or register body counts against (run after validation): a hash of the
 * normalised email, so rate-limit keys (in Redis, say) hold no email address.
 */
const bodyEmail = (request: FastifyRequest) =>
  createHash('sha256')
    .update(
      String((request.body as { email?: unknown }).email)
        .trim()
        .toLowerCase(),
    )
    .digest('base64url');

/**
 * Deletes long-expired refresh and password-reset tokens at start and then every few hours, in the
 * background.
 */
function sweepExpiredTokens(
  app: FastifyInstance,
  sessions: RefreshSessions,
  resets: PasswordResets,
): void {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = Promise.all([
      sessions.deleteExpired().then(
        (count) => count > 0 && app.log.info({ count }, 'deleted expired refresh tokens'),
        (error: unknown) => app.log.warn({ err: error }, 'deleting expired refresh tokens failed'),
      ),
      resets.deleteExpired().then(
        (count) => count > 0 && app.log.info({ count }, 'deleted expired password reset tokens'),
        (error: unknown) =>
          app.log.warn({ err: error }, 'deleting expired password reset tokens failed'),
      ),
    ]);
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweep();
    timer = setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  });
  // Before the database plugin's onClose (hooks run in reverse order of registration).
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}

type RequestCheck = (request: FastifyRequest) => Promise<void>;

interface AuthLimits {
  /** Route config: requests per minute per client address. */
  ip: ReturnType<typeof perIpRouteLimit>;
  registerEmail: RequestCheck;
  login: RequestCheck;
  passwordChange: RequestCheck;
  accountDelete: RequestCheck;
  passwordResetEmail: RequestCheck;
}

function createAuthLimits(app: FastifyInstance, perMinute: number): AuthLimits {
  const ip = perIpRouteLimit(perMinute, MINUTE_MS);
  const registerEmail = createKeyedLimit(app, {
    name: 'register-email',
    max: perMinute,
    windowMs: MINUTE_MS,
    key: bodyEmail,
  });
  // Per account, but an address that has not tried the account yet may still try (see there).
  const login = createLoginThrottle(app, {
    max: perMinute,
    windowMs: MINUTE_MS,
    email: bodyEmail,
  });
  // Guessing the current password is guessing the password: limited per user and per address.
  const passwordChange = createKeyedLimit(app, {
    name: 'password-change-user',
    max: perMinute,
    windowMs: MINUTE_MS,
    key: (request) => request.user.id,
  });
  // Deleting an account checks the password too: the same limit, counted apart.
  const accountDelete = createKeyedLimit(app, {
    name: 'account-delete-user',
    max: perMinute,
    windowMs: MINUTE_MS,
    key: (request) => request.user.id,
  });
  // Each request may send a mail: few per address an hour, so nobody is flooded with them. Unknown
  // emails count the same, so a 429 says nothing about whether an account exists.
  const passwordResetEmail = createKeyedLimit(app, {
    name: 'password-reset-email',
    max: perMinute,
    windowMs: HOUR_MS,
    key: bodyEmail,
  });
  return { ip, registerEmail, login, passwordChange, accountDelete, passwordResetEmail };
}

type SendSession = (
  request: FastifyRequest,
  reply: FastifyReply,
  session: IssuedSession,
  status?: number,
) => TokenResponse;

/** Sets the refresh cookie; the body carries only the access token. */
function sessionSender(refreshTokenTtlDays: number): SendSession {
  return (request, reply, session, status = 200) => {
    setRefreshCookie(request, reply, session.refreshToken, refreshTokenTtlDays);
    reply.header('cache-control', 'no-store').status(status);
    return { access_token: session.accessToken, token_type: 'bearer' };
  };
}

interface AuthRouteContext {
  service: AuthService;
  limits: AuthLimits;
  sendSession: SendSession;
}

/** `/register` and `/login`: a new session from credentials. */
function credentialRoutes(
  app: FastifyInstance,
  { service, limits, sendSession }: AuthRouteContext,
) {
  app.post<{ Body: RegisterRequest }>(
    '/register',
    { config: limits.ip, schema: { body: zodSchema(RegisterSchema) } },
    async (request, reply) => {
      await limits.registerEmail(request);
      return sendSession(request, reply, await service.register(request.body), 201);
    },
  );

  app.post<{ Body: LoginRequest }>(
    '/login',
    { config: limits.ip, schema: { body: zodSchema(LoginSchema) } },
    async (request, reply) => {
      await limits.login(request);
      return sendSession(request, reply, await service.login(request.body));
    },
  );
}

/** `/refresh` and `/logout`: the session behind the refresh cookie. */
function refreshCookieRoutes(app: FastifyInstance, { service, sendSession }: AuthRouteContext) {
  app.post('/refresh', async (request, reply) => {
    const token = refreshCookie(request);
    if (!token) throw unauthorized('No session, please sign in');
    try {
      return sendSession(request, reply, await service.refresh(token));
    } catch (error) {
      // A dead cookie is of no use to the browser; dropping it saves a round trip next time.
      clearRefreshCookie(request, reply);
      throw error;
    }
  });

  app.post('/logout', async (request, reply): Promise<LogoutResponse> => {
    const token = refreshCookie(request);
    if (token) await service.logout(token);
    clearRefreshCookie(request, reply);
    return { status: 'ok' };
  });
}

/** `/me` and `/me/password`: the signed-in user's profile, password and account. */
function profileRoutes(app: FastifyInstance, { service, limits, sendSession }: AuthRouteContext) {
  app.get('/me', { onRequest: app.authenticate }, async (request): Promise<Profile> =>
    service.profile(request.user.id),
  );

  app.put<{ Body: ProfileUpdateRequest }>(
    '/me',
    { onRequest: app.authenticate, schema: { body: zodSchema(ProfileUpdateSchema) } },
    async (request): Promise<Profile> => service.updateProfile(request.user.id, request.body),
  );

  app.put<{ Body: PasswordChangeRequest }>(
    '/me/password',
    {
      config: limits.ip,
      onRequest: app.authenticate,
      schema: { body: zodSchema(PasswordChangeSchema) },
    },
    async (request, reply) => {
      await limits.passwordChange(request);
      return sendSession(
        request,
        reply,
        await service.changePassword(request.user.id, request.body),
      );
    },
  );

  app.delete<{ Body: AccountDeleteRequest }>(
    '/me',
    {
      config: limits.ip,
      onRequest: app.authenticate,
      schema: { body: zodSchema(AccountDeleteSchema) },
    },
    async (request, reply): Promise<AccountDeleted> => {
      await limits.accountDelete(request);
      await deleteAccount(app.database.db, app.tokens, request.user.id, request.body.password);
      clearRefreshCookie(request, reply);
      return { status: 'deleted' };
    },
  );
}

/** `/api/auth/*`: accounts, sessions and the profile (foundation §1). */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app;
  const sessions = new RefreshSessions(app.database.db, config.REFRESH_TOKEN_TTL_DAYS);
  const service = new AuthService(app.database.db, app.tokens, sessions);
  const mailer = createResetMailer(config, app.log);
  const resets = new PasswordResets(app.database.db, app.tokens, mailer, app.log);
  // Queued reset mails go out before the database closes (hooks run in reverse order).
  app.addHook('onClose', async () => {
    await resets.idle();
    mailer.close();
  });
  sweepExpiredTokens(app, sessions, resets);
  const context: AuthRouteContext = {
    service,
    limits: createAuthLimits(app, config.AUTH_RATE_LIMIT_PER_MINUTE),
    sendSession: sessionSender(config.REFRESH_TOKEN_TTL_DAYS),
  };
  // Plain functions, not plugins: the routes stay in this plugin's context, in this order.
  credentialRoutes(app, context);
  refreshCookieRoutes(app, context);
  profileRoutes(app, context);
  passwordResetRoutes(app, {
    resets,
    ipLimit: context.limits.ip,
    emailLimit: context.limits.passwordResetEmail,
  });
}
