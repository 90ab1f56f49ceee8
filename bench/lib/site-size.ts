/**
 * A built JupyterLite site's size on disk: in all, Pyodide's core, and as served with brotli
 * (the `.br` beside a file instead of the file). Follows symbolic links (the stock lab links our
 * site's Pyodide).
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const file = path.join(dir, e.name);
      const isDir = e.isDirectory() || (e.isSymbolicLink() && (await stat(file)).isDirectory());
      return isDir ? listFiles(file) : [file];
    }),
  );
  return nested.flat();
}

export interface SiteSize {
  total: number;
  pyodide: number;
  brotli: number;
}

export async function siteSize(root: string): Promise<SiteSize> {
  const size: SiteSize = { total: 0, pyodide: 0, brotli: 0 };
  for (const file of await listFiles(root)) {
    const bytes = (await stat(file)).size;
    if (file.endsWith('.gz')) continue;
    if (file.endsWith('.br')) {
      size.brotli += bytes;
      continue;
    }
    size.total += bytes;
    if (!existsSync(`${file}.br`)) size.brotli += bytes;
    if (path.relative(root, file).startsWith('static/pyodide/')) size.pyodide += bytes;
  }
  return size;
}
