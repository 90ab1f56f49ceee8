// `npm run test:e2e [-- playwright args]`: builds what changed (with JupyterLite's test kernel),
// then runs the Playwright suite in Debian's Chromium against the built app.
import { buildAll } from './lib/builds';
import { runStatus } from './lib/run';
import { ensureSystemPackages } from './lib/system-packages';

ensureSystemPackages();
await buildAll({ withTestKernel: true });
process.exit(await runStatus('npx', ['playwright', 'test', ...process.argv.slice(2)]));
