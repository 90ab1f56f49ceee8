// The real server (backend/src/server.ts) in a child process, as one of several instances behind a
// load balancer: the multi-instance test and `npm run bench -- chat-nginx` start them. Kept free of
// Vitest, like build-test-app.ts.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Env } from '../../src/config/env';
import { fromRepoRoot } from '../../src/config/paths';
import { TEST_JWT_SECRET } from './build-test-app';
import { freePort, waitForPort } from './nginx';

export interface AppProcess {
  name: string;
  port: number;
  /** `127.0.0.1:<port>`, as nginx's upstream lists it. */
  address: string;
  origin: string;
  /** Ends the process at once (a crash: no socket is closed cleanly). */
  kill(): Promise<void>;
  /** The end of what it printed (warnings and errors), to explain a failure. */
  output(): string;
}

export interface AppProcessOptions {
  name: string;
  /** Over the defaults: PostgreSQL needs DATABASE_URL; the instances of one test share JWT_SECRET. */
  env: Partial<Record<keyof Env, string>>;
  /** Start-up takes a while on a busy machine: migrations are checked, the tutor is loaded. */
  timeoutMs?: number;
}

export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', fromRepoRoot('backend/src/server.ts')],
    {
      cwd: fromRepoRoot('.'),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HOST: '127.0.0.1',
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
        FRONTEND_DIST: 'backend/test/fixtures/no-frontend',
        JUPYTERLITE_DIR: 'backend/test/fixtures/no-jupyterlite',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await Promise.race([
      waitForPort(port, options.timeoutMs ?? 60_000),
      exited.then(() => {
        throw new Error(`instance ${options.name} exited during start-up:\n${output}`);
      }),
    ]);
  } catch (error) {
    await kill();
    throw error;
  }
  const address = `127.0.0.1:${port}`;
  return {
    name: options.name,
    port,
    address,
    origin: `http://${address}`,
    kill,
    output: () => output,
  };
}
