// `npm run build`: JupyterLite, the React app and the server, each only when its inputs changed.
import { buildAll } from './lib/builds';

await buildAll();
