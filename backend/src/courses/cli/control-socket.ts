// The local control channel of a server on PGlite: a unix socket in DATA_DIR (mode 0600, so only
// the machine's owner of the data can use it), created at start and removed at stop. The admin CLI
// sends one JSON line (an AdminCommand) and reads one JSON line back (an AdminCommandResult).
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Env } from '../../config/env';
import { fromRepoRoot } from '../../config/paths';
import { databaseTargetFromEnv } from '../../db/database-target';
import { AdminCommandSchema, type AdminCommandResult, runAdminCommand } from './admin-commands';

const MAX_REQUEST_BYTES = 4096;

/** Where a server on PGlite serves the control socket; undefined on PostgreSQL (connect there). */
export function adminSocketPathFor(env: Env): string | undefined {
  return databaseTargetFromEnv(env).kind === 'pglite'
    ? join(fromRepoRoot(env.DATA_DIR), 'admin.sock')
    : undefined;
}

/** Whether a server answers on `path` (a left-over socket file of a crashed server does not). */
export function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function serve(app: FastifyInstance): Server {
  return createServer((connection) => {
    let buffered = '';
    const answer = (result: AdminCommandResult) => connection.end(`${JSON.stringify(result)}\n`);
    connection.setEncoding('utf8');
    connection.on('error', () => connection.destroy());
    connection.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_REQUEST_BYTES) return answer({ ok: false, message: 'Too long' });
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      let parsed;
      try {
        parsed = AdminCommandSchema.safeParse(JSON.parse(buffered.slice(0, newline)));
      } catch {
        return answer({ ok: false, message: 'Not JSON' });
      }
      if (!parsed.success) return answer({ ok: false, message: 'Unknown command' });
      runAdminCommand(app.database.db, parsed.data).then(answer, (error: unknown) => {
        app.log.error({ err: error }, 'admin command failed');
        answer({ ok: false, message: 'The command failed; see the server log' });
      });
    });
  });
}

/** Serves the control socket at `path` while the app runs (no-op without a path). */
export async function adminControlSocket(
  app: FastifyInstance,
  { path }: { path?: string },
): Promise<void> {
  if (!path) return;
  const server = serve(app);
  app.addHook('onReady', async () => {
    if (await socketAnswers(path)) {
      app.log.warn({ path }, 'another server serves the admin control socket; not serving it');
      return;
    }
    rmSync(path, { force: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    chmodSync(path, 0o600);
  });
  app.addHook('onClose', async () => {
    if (!server.listening) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(path, { force: true });
  });
}
