/**
 * The build is reproducible (same inputs → byte-identical site) and rebuilds only when an input
 * changed (here: a notebook).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { STAMP_FILE, build, resolveOptions } from '../scripts/build';

const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', id: 'a', metadata: {}, source: ['# Test notebook'] },
    { cell_type: 'code', id: 'b', metadata: {}, execution_count: null, outputs: [], source: ['print(1)'] },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

async function treeHashes(root: string, dir = root): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, await treeHashes(root, full));
    else out[path.relative(root, full)] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return out;
}

describe('jupyterlite build', () => {
  let work: string;
  let notebooks: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'jupyterlite-build-'));
    notebooks = path.join(work, 'notebooks');
    await mkdir(notebooks, { recursive: true });
    await writeFile(path.join(notebooks, 'module_test.ipynb'), JSON.stringify(NOTEBOOK, null, 1));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('gives byte-identical sites for the same inputs, and skips an up-to-date build', async () => {
    const first = await resolveOptions({ out: path.join(work, 'a'), notebooksDir: notebooks });
    const second = await resolveOptions({ out: path.join(work, 'b'), notebooksDir: notebooks });
    expect((await build(first)).skipped).toBe(false);
    expect((await build(second)).skipped).toBe(false);
    const [a, b] = [await treeHashes(first.outDir), await treeHashes(second.outDir)];
    expect(Object.keys(a).length).toBeGreaterThan(20);
    expect(a).toEqual(b);
    expect(a).toHaveProperty(['lab/index.html']);
    expect(a).toHaveProperty(['api/contents/files/all.json']);
    expect(a).toHaveProperty(['files/files/module_test.ipynb']);
    expect(a).toHaveProperty(['static/pyodide/pyodide.asm.wasm']);
    expect(a).toHaveProperty(['build/pypi/all.json']);
    expect(a).toHaveProperty([STAMP_FILE]);

    expect((await build(first)).skipped).toBe(true);
  });

  it('rebuilds when a notebook changed', async () => {
    const options = await resolveOptions({ out: path.join(work, 'a'), notebooksDir: notebooks });
    const changed = { ...NOTEBOOK, cells: [{ ...NOTEBOOK.cells[0], source: ['# Changed title'] }] };
    await writeFile(path.join(notebooks, 'module_test.ipynb'), JSON.stringify(changed));
    const result = await build(options);
    expect(result.skipped).toBe(false);
    const served = await readFile(path.join(options.outDir, 'files/files/module_test.ipynb'), 'utf8');
    expect(served).toContain('# Changed title');
    expect((await build(options)).skipped).toBe(true);
  });

  it('refuses a relative PYODIDE_PACKAGES_URL', async () => {
    const saved = process.env['PYODIDE_PACKAGES_URL'];
    process.env['PYODIDE_PACKAGES_URL'] = '/pyodide/';
    try {
      await expect(resolveOptions({ out: path.join(work, 'c') })).rejects.toThrow(/absolute URL/);
    } finally {
      if (saved === undefined) delete process.env['PYODIDE_PACKAGES_URL'];
      else process.env['PYODIDE_PACKAGES_URL'] = saved;
    }
  });
});
