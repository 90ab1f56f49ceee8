/**
 * Serves a built site under /jupyterlite/ (for the standalone end-to-end run and manual checks):
 *
 *   npx tsx scripts/serve.ts [--dir dist-test] [--port 8124] [--gzip]
 *
 * Also answers GET /health, so it can stand in for the app server in a Playwright webServer.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

import { startStaticServer } from './lib/static-server';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'dist-test' },
    port: { type: 'string', default: '8124' },
    gzip: { type: 'boolean', default: false },
  },
});
const server = await startStaticServer({
  root: path.resolve(values.dir),
  port: Number(values.port),
  gzip: values.gzip,
  routes: { '/health': { type: 'application/json', body: '{"status":"healthy"}' } },
});
console.log(`Serving ${values.dir} at ${server.url}/jupyterlite/`);
const stop = (): void => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
