// The server's memory as the benchmarks print it. The benchmarks run the app in their own process,
// so this process's resident set is the server's with its worker threads (the PGlite worker
// included: threads share the process); the load clients run in a child process and are not in it.
// PostgreSQL's own server processes are not counted.
import { readFileSync } from 'node:fs';
import type { DatabaseHandle } from '../../backend/src/db/client';

const MB = 1024 * 1024;

/** Resident memory of this process in MB: VmRSS from /proc on Linux, Node's figure elsewhere. */
export function rssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss / MB;
}

/** PGlite's WebAssembly memory in MB (it grows and never shrinks); undefined on PostgreSQL. */
export async function pgliteWasmMb(handle: DatabaseHandle): Promise<number | undefined> {
  const memory = await handle.pgliteMemory?.();
  return memory && memory.wasmBytes / MB;
}

export interface MemorySnapshot {
  rssMb: number;
  /** This thread's JavaScript heap in use. */
  heapMb: number;
  pgliteWasmMb?: number;
}

/** The memory now: RSS, this thread's heap and PGlite's WebAssembly memory. */
export async function memoryNow(handle: DatabaseHandle): Promise<MemorySnapshot> {
  return {
    rssMb: rssMb(),
    heapMb: process.memoryUsage().heapUsed / MB,
    pgliteWasmMb: await pgliteWasmMb(handle),
  };
}

/** Samples RSS and heap every `intervalMs` until stopped; stop() gives the peaks. */
export function sampleMemoryPeak(intervalMs = 50): () => { rssMb: number; heapMb: number } {
  const peak = { rssMb: rssMb(), heapMb: process.memoryUsage().heapUsed / MB };
  const sample = () => {
    peak.rssMb = Math.max(peak.rssMb, rssMb());
    peak.heapMb = Math.max(peak.heapMb, process.memoryUsage().heapUsed / MB);
  };
  const timer = setInterval(sample, intervalMs);
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

/** MB rounded, or "-" when unknown (PGlite's memory on PostgreSQL). */
export const formatMb = (mb: number | undefined) => (mb === undefined ? '-' : `${mb.toFixed(0)}`);
