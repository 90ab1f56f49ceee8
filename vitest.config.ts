import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';

/** True when a PostgreSQL server answers at TEST_DATABASE_URL (or 127.0.0.1:5432). */
async function postgresReachable(): Promise<boolean> {
  if (process.env.TEST_POSTGRES === 'off') return false;
  const url = new URL(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  );
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(url.port || 5432), url.hostname, () => done(true));
  });
}

const integration = (name: string, globalSetup: string): TestProjectConfiguration => ({
  extends: true,
  test: {
    name,
    include: ['backend/test/**/*.test.ts'],
    globalSetup: [globalSetup],
    setupFiles: ['backend/test/helpers/file-database.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig(async () => {
  const withPostgres = await postgresReachable();
  if (!withPostgres) {
    console.log('[vitest] No PostgreSQL reachable: integration tests run on PGlite only.');
  }
  const projects: TestProjectConfiguration[] = [
    {
      extends: true,
      test: {
        name: 'unit',
        include: ['backend/src/**/*.test.ts', 'shared/src/**/*.test.ts', 'scripts/**/*.test.ts'],
      },
    },
    {
      extends: true,
      plugins: [react()],
      test: {
        name: 'frontend',
        include: ['frontend/src/**/*.test.{ts,tsx}'],
        environment: 'jsdom',
        setupFiles: ['frontend/src/test/setup.ts'],
      },
    },
    {
      extends: true,
      test: { name: 'notebooks', include: ['notebooks/test/**/*.test.ts'], testTimeout: 300_000 },
    },
    integration('integration-pglite', 'backend/test/helpers/pglite-global-setup.ts'),
  ];
  if (withPostgres)
    projects.push(
      integration('integration-postgres', 'backend/test/helpers/postgres-global-setup.ts'),
    );
  if (existsSync('jupyterlite/node_modules')) {
    projects.push({
      extends: true,
      test: {
        name: 'jupyterlite',
        include: ['jupyterlite/test/**/*.test.ts'],
        testTimeout: 300_000,
      },
    });
  }
  return {
    test: {
      projects,
      // One file per core (Vitest's default leaves one core out): integration files spend much of
      // their time waiting on a database or a socket, so on two cores this takes a third less time.
      maxWorkers: availableParallelism(),
    },
  };
});
