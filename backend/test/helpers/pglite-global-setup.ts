import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A new PGlite cluster's data directory image, which every in-memory test database opens. */
    pgliteImage: string | undefined;
  }
}

/**
 * PGlite runs: every test file opens its own in-memory database. Creating a cluster (initdb) takes
 * a few seconds, so it is done once here; each database starts from a copy of that new cluster,
 * empty as before (the app migrates and seeds it as at any start).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-pglite-image-'));
  const image = join(dir, 'new-cluster.tar');
  const pglite = await PGlite.create();
  const tarball = await pglite.dumpDataDir('none');
  writeFileSync(image, Buffer.from(await tarball.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteImage', image);
  return () => rmSync(dir, { recursive: true, force: true });
}
