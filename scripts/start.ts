// `npm start` (after scripts/bootstrap.mjs installed dependencies): build what changed, then serve
// the whole app. The server migrates and seeds the database itself at start-up.
import { spawn } from 'node:child_process';
import { buildAll } from './lib/builds';
import { serverMallocEnv, serverNodeArgs } from './lib/server-process';
import { repoRoot } from './lib/stamps';

await buildAll();

const port = process.env.PORT ?? '8000';
console.log(`> Starting the server on http://localhost:${port} (Ctrl+C to stop)`);
// Stack traces name the bundle's lines: Node's source-map support held about 20 MB of decoded maps
// (of some 330 MB). NODE_OPTIONS=--enable-source-maps maps them to the TypeScript sources.
const server = spawn(process.execPath, [...serverNodeArgs, 'backend/dist/server.js'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...serverMallocEnv, ...process.env, HOST: process.env.HOST ?? 'localhost' },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
