import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ConfigError, loadEnv } from './config/env';
import { adminSocketPathFor } from './courses/cli/control-socket';
import { openDatabase } from './db/client';
import { databaseTargetFromEnv } from './db/database-target';
import { loggerOptions } from './logging/logger';

async function main(): Promise<void> {
  let env;
  let jwtSecret;
  try {
    env = loadEnv();
    jwtSecret = resolveJwtSecret(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  // The database is opened before the app (and its logger) exists.
  const logRef: { current?: FastifyBaseLogger } = {};
  const database = openDatabase(databaseTargetFromEnv(env), (error) =>
    logRef.current?.warn(
      { err: error },
      'a database connection failed (an idle PostgreSQL connection, or the PGlite worker); it will be replaced',
    ),
  );
  const app = await buildApp(
    { env, database, jwtSecret, adminSocketPath: adminSocketPathFor(env) },
    { logger: loggerOptions(env) },
  );
  logRef.current = app.log;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: env.HOST, port: env.PORT });
}

await main();
