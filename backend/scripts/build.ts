// Bundles the server into dist/server.js (and its worker threads into dist/pglite-worker.js and
// dist/password-strength-worker.js). Dependencies stay external (node_modules at run time);
// the workspace package @tutor/shared is TypeScript source, so it is bundled in.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

await build({
  // Each worker thread is an entry of its own: src/db/pglite/client.ts starts dist/pglite-worker.js,
  // src/auth/password-strength/checker.ts dist/password-strength-worker.js.
  entryPoints: {
    server: 'src/server.ts',
    'pglite-worker': 'src/db/pglite/worker.ts',
    'password-strength-worker': 'src/auth/password-strength/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@tutor/')),
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
