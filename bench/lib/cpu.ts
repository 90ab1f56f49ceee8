// CPU time from Linux's /proc, for the benchmarks' splits: per thread of this process (the server
// thread, the PGlite worker, V8's and libuv's helpers) and of the PostgreSQL server processes.
// Figures are in clock ticks of 10 ms (USER_HZ), so they are read over whole phases, not calls.
import { readdirSync, readFileSync } from 'node:fs';

const MS_PER_TICK = 1000 / 100;

/** utime + stime of a /proc stat line, in ms; its name is in parentheses and may hold spaces. */
function statCpuMs(stat: string): { name: string; ms: number } {
  const end = stat.lastIndexOf(')');
  const fields = stat.slice(end + 2).split(' ');
  return {
    name: stat.slice(stat.indexOf('(') + 1, end),
    ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
  };
}

/** CPU ms of a whole process (all its threads, Linux). */
export const processCpuMs = (pid: number): number =>
  statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8')).ms;

/** CPU ms of each thread of this process by its OS thread id (Linux; empty elsewhere). */
export function threadCpuMs(): Map<number, number> {
  const byThread = new Map<number, number>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        byThread.set(
          Number(tid),
          statCpuMs(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')).ms,
        );
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return byThread;
}

/** Each thread's CPU ms since `before` (threads started since count from zero). */
export function threadCpuSince(before: Map<number, number>): Map<number, number> {
  const spent = new Map<number, number>();
  for (const [tid, ms] of threadCpuMs()) spent.set(tid, ms - (before.get(tid) ?? 0));
  return spent;
}

/**
 * CPU ms used by every PostgreSQL server process on this machine since the first call of the
 * returned function. A monotonic sum of each process's growth between calls: a process that exits
 * (an autovacuum worker) would otherwise take its whole CPU time out of the total, and the time it
 * used since the last call is not counted (a slight undercount, never a negative figure).
 */
export function postgresCpuCounter(): () => number {
  const seen = new Map<string, number>();
  let total = 0;
  return () => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        const { name, ms } = statCpuMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        if (!name.startsWith('postgres')) continue;
        // A process started since the last call counts from zero; pid reuse is ignored.
        total += ms - (seen.get(pid) ?? 0);
        seen.set(pid, ms);
      } catch {
        // The process ended meanwhile.
      }
    }
    return total;
  };
}
