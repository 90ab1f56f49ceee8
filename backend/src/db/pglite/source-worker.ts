// The PGlite worker from the TypeScript source (tests, benchmarks, `npm run dev`): worker.ts and
// protocol.ts bundled in memory by esbuild (a dev dependency, as tsx is), once a process, and
// started from a data: URL. Registering tsx's loader in the worker instead cost about 55 MB of
// resident memory more a worker (its own module hooks thread and compiler) and slowed its start.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

const PGLITE = '@electric-sql/pglite';
let bundled: URL | undefined;

export function sourceWorkerUrl(): URL {
  if (bundled) return bundled;
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // PGlite finds its .wasm and .data files beside its own module: it stays a separate module.
    external: [PGLITE],
    logLevel: 'silent',
  });
  // A data: module imports only built-ins and absolute URLs: PGlite by its ES module's file URL
  // (require.resolve finds its CommonJS twin beside it).
  const pglite = pathToFileURL(require.resolve(PGLITE).replace(/\.cjs$/, '.js')).href;
  const code = outputFiles[0]!.text.replaceAll(JSON.stringify(PGLITE), JSON.stringify(pglite));
  bundled = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  return bundled;
}
