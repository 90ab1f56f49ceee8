// The floor of bench/progress in a process of its own (lib/floor-server.ts), with its own pool of
// the same size as the app's. In the app's process it shared the app's heap: a floor run right
// after an app run collected the app's garbage (up to 58 major collections in 6 s, 1.0-1.2 ms of
// CPU per save against 0.3-0.5 ms without), which made the app look closer to the floor than it is.
import { fork } from 'node:child_process';
import type { FloorSave } from './floor-server';

export interface FloorProcessOptions {
  databaseUrl: string;
  poolSize: number;
  moduleId: string;
  save: FloorSave;
}

export interface FloorProcess {
  port: number;
  /** Its process id: the bench reads its CPU time from /proc. */
  pid: number;
  close(): Promise<void>;
}

/** Starts the floor's process and waits until it listens. */
export function startFloorProcess(options: FloorProcessOptions): Promise<FloorProcess> {
  const child = fork(new URL('./floor-child.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once('message', (message: { port?: number; error?: string }) => {
      if (message.port === undefined) {
        reject(new Error(`the floor process did not start: ${message.error}`));
        void close();
        return;
      }
      resolve({ port: message.port, pid: child.pid!, close });
    });
    child.once('exit', (code) => reject(new Error(`the floor process exited (${code})`)));
    child.send(options);
  });
}
