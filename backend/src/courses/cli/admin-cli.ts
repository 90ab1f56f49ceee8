// `npm run admin -- grant-admin <email> | revoke-admin <email> | list-admins`.
// On PostgreSQL the CLI connects directly. On PGlite (one process owns the database) it asks the
// running server through its control socket, and opens the database itself only when none runs.
import { createConnection } from 'node:net';
import pino from 'pino';
import { loadEnv } from '../../config/env';
import { openDatabase } from '../../db/client';
import { databaseTargetFromEnv } from '../../db/database-target';
import { prepareDatabase } from '../../db/migrate';
import { seeders } from '../../db/seeders';
import {
  type AdminCommand,
  AdminCommandSchema,
  type AdminCommandResult,
  runAdminCommand,
} from './admin-commands';
import { adminSocketPathFor, socketAnswers } from './control-socket';

const USAGE = 'Usage: npm run admin -- grant-admin <email> | revoke-admin <email> | list-admins';

/** Sends one command to the server on `path`. */
export function sendToServer(path: string, command: AdminCommand): Promise<AdminCommandResult> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(command)}\n`));
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(JSON.parse(reply) as AdminCommandResult);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Runs the command against the configured database (directly or through the server). */
export async function adminCli(
  args: string[],
  envOverrides: Record<string, string | undefined> = {},
): Promise<AdminCommandResult> {
  const [command, email] = args;
  const parsed = AdminCommandSchema.safeParse({ command, email });
  if (!parsed.success) return { ok: false, message: USAGE };
  const env = loadEnv({ LOG_LEVEL: 'warn', ...process.env, ...envOverrides });
  const socketPath = adminSocketPathFor(env);
  if (socketPath && (await socketAnswers(socketPath))) return sendToServer(socketPath, parsed.data);
  const handle = openDatabase(databaseTargetFromEnv(env));
  try {
    await prepareDatabase(handle, pino({ level: env.LOG_LEVEL }), seeders);
    return await runAdminCommand(handle.db, parsed.data);
  } finally {
    await handle.close();
  }
}
