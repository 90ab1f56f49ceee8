// `npm run dev`: the server with reload on :8000 and Vite with hot reload on :5173, which proxies
// /api, /ws and /health to the server.
import { spawn } from 'node:child_process';
import { repoRoot } from './lib/stamps';

const children = [
  spawn('npm', ['run', 'dev', '-w', '@tutor/backend'], { cwd: repoRoot, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', '@tutor/frontend'], { cwd: repoRoot, stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => (code ? (stop(), process.exit(code)) : undefined));
