// A class's dashboard answer kept for a few seconds, serialised and gzipped once: the page polls
// it and a class of 500 students × 26 exercises is ~1.5 MB of JSON, whose building, serialising
// and compressing dominate the cost (bench/dashboard.ts). `generated_at` tells how fresh it is.
// Authorisation still runs on every request, before the cache is read. An answer older than the
// TTL is still served while one rebuild runs in the background (stale-while-revalidate), so only
// the first read of a class waits for a build.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DashboardOut } from '@tutor/shared/courses';

export const DASHBOARD_CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

const gzipAsync = promisify(gzip);

interface Entry {
  expiresAt: number;
  json: string;
  /** Compressed off the event loop (zlib's thread pool) when the entry is built. */
  gzip: Buffer;
  /** The rebuild under way, if any. */
  rebuilding?: Promise<Entry>;
}

export class DashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs = DASHBOARD_CACHE_MS) {}

  /** The cached answer of `classId`, or the one `build` makes (then kept for ttlMs). */
  async get(classId: string, build: () => Promise<DashboardOut>): Promise<Entry> {
    const cached = this.entries.get(classId);
    if (!cached) return this.rebuild(classId, build);
    if (cached.expiresAt <= Date.now() && !cached.rebuilding) {
      cached.rebuilding = this.rebuild(classId, build);
      cached.rebuilding.catch(() => (cached.rebuilding = undefined));
    }
    return cached;
  }

  private async rebuild(classId: string, build: () => Promise<DashboardOut>): Promise<Entry> {
    const json = JSON.stringify(await build());
    const entry: Entry = { expiresAt: Date.now() + this.ttlMs, json, gzip: await gzipAsync(json) };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(classId, entry);
    return entry;
  }

  /** After a change by the instructor (policy, modules, roster): the next read rebuilds. */
  forget(classId: string): void {
    this.entries.delete(classId);
  }
}
