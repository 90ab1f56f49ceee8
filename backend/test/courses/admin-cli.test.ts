// `npm run admin`: through the running server's control socket (PGlite owns its database), and
// straight to the database when no server runs (a PGlite data directory, or PostgreSQL).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { users } from '../../src/auth/schema';
import { loadEnv } from '../../src/config/env';
import { adminCli } from '../../src/courses/cli/admin-cli';
import { openDatabase } from '../../src/db/client';
import { prepareDatabase } from '../../src/db/migrate';
import { buildUser } from '../helpers/factories';
import { TEST_JWT_SECRET, openTestDatabase } from '../helpers/test-app';
import { testDatabaseUrl } from '../helpers/test-database';

const roleOf = async (app: FastifyInstance, id: string) =>
  (await app.database.db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;

describe('admin CLI', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let socketPath: string;
  // The CLI decides from DATABASE_URL: none (PGlite under DATA_DIR) unless this run is on PostgreSQL.
  let cliEnv: Record<string, string | undefined>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'admin-cli-'));
    socketPath = join(dataDir, 'admin.sock');
    cliEnv = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const env = loadEnv({
      LOG_LEVEL: 'silent',
      FRONTEND_DIST: 'backend/test/fixtures/no-frontend',
      JUPYTERLITE_DIR: 'backend/test/fixtures/no-jupyterlite',
    });
    app = await buildApp(
      {
        env,
        database: openTestDatabase(),
        jwtSecret: TEST_JWT_SECRET,
        adminSocketPath: socketPath,
      },
      { logger: false },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reaches the running server through its 0600 control socket, removed at stop', async () => {
    expect(statSync(socketPath).mode & 0o777).toBe(0o600);
    const user = await buildUser(app);
    expect(await adminCli(['grant-admin', user.user.email.toUpperCase()], cliEnv)).toEqual({
      ok: true,
      message: `${user.user.email} is now an administrator`,
    });
    expect(await roleOf(app, user.user.id)).toBe('admin');
    expect((await adminCli(['list-admins'], cliEnv)).message).toContain(user.user.email);
    expect(await adminCli(['revoke-admin', user.user.email], cliEnv)).toMatchObject({ ok: true });
    expect(await roleOf(app, user.user.id)).toBe('student');
    expect(await adminCli(['grant-admin', 'nobody@example.com'], cliEnv)).toEqual({
      ok: false,
      message: 'No user with email nobody@example.com',
    });
    expect((await adminCli(['grant-admin'], cliEnv)).message).toMatch(/^Usage: npm run admin/);
    expect((await adminCli(['make-everyone-admin'], cliEnv)).ok).toBe(false);
  });

  // A new PGlite data directory is created and migrated twice: slow on a busy machine.
  it('opens the database itself when no server runs', { timeout: 120_000 }, async () => {
    const url = testDatabaseUrl();
    const direct = url
      ? { DATABASE_URL: url }
      : { DATA_DIR: mkdtempSync(join(tmpdir(), 'admin-cli-')), DATABASE_URL: '' };
    let email: string;
    if (url) {
      email = (await buildUser(app)).user.email;
    } else {
      // A PGlite data directory no server holds: made and given a user here, then closed.
      const handle = openDatabase({ kind: 'pglite', dataDir: join(direct.DATA_DIR!, 'pglite') });
      await prepareDatabase(handle, pino({ level: 'silent' }), []);
      email = `cli-${Date.now()}@example.com`;
      await handle.db
        .insert(users)
        .values({ email, username: `cli${Date.now()}`, passwordHash: 'x' });
      await handle.close();
    }
    expect(await adminCli(['grant-admin', email], direct)).toEqual({
      ok: true,
      message: `${email} is now an administrator`,
    });
    if (!url) rmSync(direct.DATA_DIR!, { recursive: true, force: true });
  });

  it('removes the socket when the server stops', async () => {
    await app.close();
    expect(() => statSync(socketPath)).toThrow();
  });
});
