import { Worker } from 'node:worker_threads';
import type { PasswordStrength } from '@tutor/shared/password-policy';
import { esModuleUrl, sourceWorkerUrl } from '../../workers/source-worker';
import type { StrengthReply, StrengthRequest } from './protocol';

/** How long the worker (and its 35 MB of dictionaries) stays after its last check. */
const IDLE_MS = 60_000;

/**
 * A young generation of 2 MB instead of V8's 32: building the dictionaries left the worker with
 * 112 MB of heap committed (15 MB live), held until it ended. 2 MB instead of 8 took another 19 MB
 * off the running worker; its first check (about 0.3 s) and later ones (15 ms) take as long.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 2 };

const ZXCVBN = ['@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-en'];

/**
 * From the bundle (dist/server.js) the worker is dist/password-strength-worker.js; from the
 * TypeScript source, worker.ts bundled in memory with zxcvbn's packages left as files.
 */
function workerUrl(): URL {
  if (!import.meta.url.endsWith('.ts'))
    return new URL('./password-strength-worker.js', import.meta.url);
  return sourceWorkerUrl(
    new URL('./worker.ts', import.meta.url),
    Object.fromEntries(ZXCVBN.map((name) => [name, esModuleUrl(name, '.mjs')])),
  );
}

interface Pending {
  resolve(strength: PasswordStrength): void;
  reject(error: Error): void;
}

/**
 * Password checks in a worker thread started on the first check and ended after IDLE_MS without
 * one: most of the time (nobody registering or changing a password) the server holds no
 * dictionaries. The first check after a quiet spell waits for the worker to start (about half a
 * second). A worker that dies fails its pending checks; the next check starts a new one.
 */
export class PasswordStrengthChecker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = IDLE_MS) {}

  check(password: string, personal: string[]): Promise<PasswordStrength> {
    clearTimeout(this.idleTimer);
    const worker = (this.worker ??= this.start());
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, password, personal } satisfies StrengthRequest);
    });
  }

  /** Whether a worker is running (for tests and the memory figures). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, new Error('the password-strength checker was closed'));
    // Its exit must not touch the checks of a worker started after it.
    worker.removeAllListeners();
    await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(workerUrl(), { resourceLimits: WORKER_LIMITS });
    // Never what keeps the process alive: a server has its sockets, a script its own work.
    worker.unref();
    worker.on('message', (reply: StrengthReply) => this.settle(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) =>
      this.stopped(worker, new Error(`the password-strength worker exited (${code})`)),
    );
    return worker;
  }

  private settle(reply: StrengthReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.strength);
    if (this.pending.size === 0) {
      this.idleTimer = setTimeout(() => void this.close(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** The process's checker: every app in a process shares one worker. */
export const passwordStrengthChecker = new PasswordStrengthChecker();
