// `npm run pyodide:mirror -- <dir> [--from <url>] [--packages numpy,micropip]`: downloads the
// Python packages the notebooks and the lab's kernel need for the pinned Pyodide into <dir>,
// each checked against the lock's sha256, for the app to serve (PYODIDE_MIRROR_DIR=<dir>).
import { parseArgs } from 'node:util';
import {
  INSTALLED_LOCK,
  KERNEL_PACKAGES,
  defaultSource,
  fillMirror,
  installedPyodideVersion,
  notebookImports,
} from './lib/pyodide-mirror';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, packages: { type: 'string' } },
});
const dir = positionals[0];
if (dir === undefined || positionals.length > 1) {
  console.error('Usage: npm run pyodide:mirror -- <dir> [--from <url>] [--packages a,b,...]');
  process.exit(2);
}
const packages = values.packages
  ? values.packages
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)
  : [...notebookImports(), ...KERNEL_PACKAGES];
const { complete } = await fillMirror({
  dir,
  source: values.from ?? defaultSource(installedPyodideVersion()),
  lockFile: INSTALLED_LOCK,
  packages,
});
process.exitCode = complete ? 0 : 1;
