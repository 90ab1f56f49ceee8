import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { accountExportRoutes } from './account/routes';
import { aiPlugin } from './ai/plugin';
import { authenticationPlugin } from './auth/authenticate';
import { authRoutes } from './auth/routes';
import { createTokenSigner } from './auth/tokens';
import type { Env } from './config/env';
import { fromRepoRoot } from './config/paths';
import type { DatabaseHandle } from './db/client';
import { databasePlugin } from './db/plugin';
import { registerErrorHandler } from './errors/error-handler';
import { useZodRouteSchemas } from './errors/route-schemas';
import { chatSessionRoutes } from './conversation/session-routes';
import { chatSocket } from './chat/socket';
import { adminControlSocket } from './courses/cli/control-socket';
import { courseRoutes } from './courses/routes';
import { closeSocketsGoingAway, registerLiveSockets, registerMessageBudget } from './conversation';
import { healthRoutes } from './health/routes';
import { registerExerciseCatalog } from './learning-modules/exercises';
import { learningModuleRoutes } from './learning-modules/routes';
import { prepareModuleStatuses } from './progress/module-statuses';
import { exerciseProgressRoutes } from './progress/exercises/routes';
import { reopenRoute } from './progress/reopen-route';
import { progressRoutes } from './progress/routes';
import { SharedRedis } from './rate-limit/shared-redis';
import { sharedRateLimitStore } from './rate-limit/store';
import { staticPlugin } from './static/plugin';
import { tutorSocket } from './tutor/socket';
import { registerSecurityHeaders } from './static/security-headers';

declare module 'fastify' {
  interface FastifyInstance {
    config: Env;
  }
}

export interface AppOptions {
  env: Env;
  database: DatabaseHandle;
  /** Close the database with the app (false when tests share one database between apps). */
  closeDatabase?: boolean;
  jwtSecret: string;
  /** PGlite: where to serve the admin CLI's control socket (see courses/cli); none when absent. */
  adminSocketPath?: string;
}

/** Largest request body accepted anywhere; routes that need more (notebook saves) raise it. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The whole application as one Fastify plugin, loaded in a visible order: external plugins,
 * then shared services, then feature routes, then static files.
 */
export const appPlugin = fp<AppOptions>(
  async (app, options) => {
    const { env } = options;
    app.decorate('config', env);
    registerErrorHandler(app);
    useZodRouteSchemas(app);

    // External plugins.
    registerSecurityHeaders(app);
    await app.register(cookie);
    // Request bodies are inflated only where a route asks for it (notebook saves): a hook less
    // on every other request.
    await app.register(compress, {
      global: true,
      globalDecompression: false,
      threshold: 1024,
      encodings: ['br', 'gzip'],
    });
    // Every limit and budget counts in Redis when there is one (shared by all instances), and
    // falls back to counting locally while it fails (rate-limit/shared-redis.ts).
    const redis = env.REDIS_URL
      ? new Redis(env.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 })
      : undefined;
    if (redis) app.addHook('onClose', async () => void redis.disconnect());
    app.decorate('sharedRedis', new SharedRedis(redis, app.log));
    await app.register(rateLimit, { global: false, store: sharedRateLimitStore(app.sharedRedis) });
    await app.register(websocket, {
      options: { maxPayload: 256 * 1024 },
      preClose: closeSocketsGoingAway,
    });

    // Shared services.
    await app.register(databasePlugin, {
      handle: options.database,
      closeOnShutdown: options.closeDatabase ?? true,
    });
    await app.register(authenticationPlugin, {
      tokens: createTokenSigner(options.jwtSecret, env.ACCESS_TOKEN_TTL_MINUTES * 60),
    });
    await app.register(aiPlugin);
    // After the database: on close, pending turns are awaited before the database closes.
    registerLiveSockets(app);
    registerMessageBudget(app, env.CHAT_MESSAGES_PER_MINUTE);
    registerExerciseCatalog(app);

    // Feature routes.
    await app.register(healthRoutes);
    await app.register(authRoutes, { prefix: '/api/auth' });
    await app.register(accountExportRoutes, { prefix: '/api/auth' });
    await app.register(learningModuleRoutes, { prepareModuleStatuses });
    await app.register(progressRoutes, { jwtSecret: options.jwtSecret });
    await app.register(reopenRoute);
    await app.register(exerciseProgressRoutes);
    await app.register(courseRoutes);
    await app.register(adminControlSocket, { path: options.adminSocketPath });

    await app.register(chatSessionRoutes);
    await app.register(chatSocket);
    await app.register(tutorSocket);

    // The browser apps, last, so every API route wins over the client-side route fallback.
    await app.register(staticPlugin, {
      frontendDist: fromRepoRoot(env.FRONTEND_DIST),
      jupyterLiteDir: fromRepoRoot(env.JUPYTERLITE_DIR),
      pyodideMirrorDir: env.PYODIDE_MIRROR_DIR && fromRepoRoot(env.PYODIDE_MIRROR_DIR),
    });
  },
  { name: 'app' },
);

export async function buildApp(
  options: AppOptions,
  serverOptions: FastifyServerOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: options.env.TRUST_PROXY,
    // Start-up migrates and seeds the database; on a busy machine PGlite alone can take 20 s.
    pluginTimeout: 120_000,
    ...serverOptions,
  });
  await app.register(appPlugin, options);
  return app;
}
