// `npm run build:jupyterlite [-- --with-test-kernel]`
import { buildJupyterLite } from './lib/builds';

await buildJupyterLite({ withTestKernel: process.argv.includes('--with-test-kernel') });
