// Worker threads from the TypeScript source (tests, benchmarks, `npm run dev`): the worker's entry
// bundled in memory by esbuild (a dev dependency, as tsx is), once a process, and started from a
// data: URL. Registering tsx's loader in the worker instead cost about 55 MB of resident memory
// more a worker (its own module hooks thread and compiler) and slowed its start. The bundle (dist/)
// has each worker as a file of its own instead.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Esbuild from 'esbuild';

const bundled = new Map<string, URL>();
const require = createRequire(import.meta.url);

/**
 * The file URL of a package's ES module. `require.resolve` finds its CommonJS entry; the ES twin
 * lies beside it (`.js` beside `.cjs` for PGlite, `.mjs` for zxcvbn-ts).
 */
export function esModuleUrl(specifier: string, extension: '.js' | '.mjs'): string {
  return pathToFileURL(require.resolve(specifier).replace(/\.cjs$/, extension)).href;
}

/**
 * `entry` bundled as a data: module. A data: module imports only built-ins and absolute URLs, so
 * each package in `externals` (kept out of the bundle: it finds files beside itself, or is large)
 * is imported by the file URL given for it.
 */
export function sourceWorkerUrl(entry: URL, externals: Record<string, string> = {}): URL {
  const known = bundled.get(entry.href);
  if (known) return known;
  const esbuild = require('esbuild') as typeof Esbuild;
  const { outputFiles } = esbuild.buildSync({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: Object.keys(externals),
    logLevel: 'silent',
  });
  let code = outputFiles[0]!.text;
  for (const [specifier, url] of Object.entries(externals))
    code = code.replaceAll(JSON.stringify(specifier), JSON.stringify(url));
  const url = new URL(`data:text/javascript,${encodeURIComponent(code)}`);
  bundled.set(entry.href, url);
  return url;
}
