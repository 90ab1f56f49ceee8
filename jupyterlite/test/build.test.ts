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
import { hashInputs } from '../scripts/lib/inputs';
import { rootConfig } from '../scripts/lib/site';

const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', id: 'a', metadata: {}, source: ['# Test notebook'] },
    {
      cell_type: 'code',
      id: 'b',
      metadata: {},
      execution_count: null,
      outputs: [],
      source: ['print(1)'],
    },
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
    else
      out[path.relative(root, full)] = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
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

  it('links a stylesheet without unused CSS icons, defining every icon it uses', async () => {
    const site = path.join(work, 'a');
    const page = await readFile(path.join(site, 'lab/index.html'), 'utf8');
    const linked = [...page.matchAll(/<link rel="stylesheet" href="\.\.\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(linked).toHaveLength(1);
    const bundle = await readFile(path.join(site, linked[0]!), 'utf8');
    const theme = await readFile(
      path.join(site, 'build/themes/@jupyterlab/theme-light-extension/index.css'),
      'utf8',
    );
    const used = new Set([...bundle.matchAll(/var\((--jp-icon-[\w-]+)\)/g)].map((m) => m[1]!));
    const defined = new Set(
      [...`${bundle}\n${theme}`.matchAll(/(--jp-icon-[\w-]+)\s*:/g)].map((m) => m[1]!),
    );
    expect(used).toContain('--jp-icon-caret-down');
    for (const name of used) expect(defined, name).toContain(name);
    // @jupyterlab/ui-components' deprecated `.jp-*Icon` classes and their 125 inlined icons.
    expect(bundle).not.toContain('--jp-icon-add-above');
    expect(bundle).not.toContain('.jp-AddIcon');
  });

  it('leaves out the modules and styles of UI the side panel has not (scripts/lib/left-out.ts)', async () => {
    const site = path.join(work, 'a');
    const page = await readFile(path.join(site, 'lab/index.html'), 'utf8');
    const linked = (pattern: RegExp) => readFile(path.join(site, page.match(pattern)![1]!), 'utf8');
    const script = await linked(/<script defer src="\.\.\/([^"]+)"/);
    const style = await linked(/<link rel="stylesheet" href="\.\.\/([^"]+)"/);
    // A string each left-out module has in its code (all are in the stock lab's bundle).
    const leftOut = {
      '@rjsf/core': 'Unsupported field schema',
      '@lezer/generator': 'Grammar contains',
      'vscode-jsonrpc': 'Content-Length: ',
      '@jupyterlab/pluginmanager': 'jp-pluginmanager',
      'the shortcut editor': 'jp-Shortcuts-Row',
      '@lezer/javascript': 'TemplateString',
      '@lezer/css': 'PseudoClassName',
      'domutils / entities encoder': 'getOuterHTML',
      "the React file type icon's colour": '61DAFB',
    };
    for (const [what, marker] of Object.entries(leftOut)) {
      expect(script, what).not.toContain(marker);
    }
    for (const selector of ['.lm-DataGrid', '.jp-tocItem', '.jp-Licenses', '#jupyterlab-splash']) {
      expect(style).not.toContain(selector);
    }
    // JavaScript editors still load the real mode, lazily.
    const chunks = (await readdir(path.join(site, 'build'))).filter((f) => /^\d+\..*\.js$/.test(f));
    const texts = await Promise.all(
      chunks.map((f) => readFile(path.join(site, 'build', f), 'utf8')),
    );
    expect(texts.some((text) => text.includes('TemplateString'))).toBe(true);
    const schemas = await readFile(path.join(site, 'build/schemas/all.json'), 'utf8');
    expect(schemas).not.toContain('@jupyterlab/notebook-extension:tools');
  });

  it('rebuilds when a notebook changed', async () => {
    const options = await resolveOptions({ out: path.join(work, 'a'), notebooksDir: notebooks });
    const changed = { ...NOTEBOOK, cells: [{ ...NOTEBOOK.cells[0], source: ['# Changed title'] }] };
    await writeFile(path.join(notebooks, 'module_test.ipynb'), JSON.stringify(changed));
    const result = await build(options);
    expect(result.skipped).toBe(false);
    const served = await readFile(
      path.join(options.outDir, 'files/files/module_test.ipynb'),
      'utf8',
    );
    expect(served).toContain('# Changed title');
    expect((await build(options)).skipped).toBe(true);
  });

  /** Runs `work` with the build settings `values` in the environment, then restores them. */
  async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
    const saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
    Object.assign(process.env, values);
    try {
      return await work();
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  it('refuses a relative PYODIDE_PACKAGES_URL', async () => {
    await withEnv({ PYODIDE_PACKAGES_URL: '/pyodide/' }, () =>
      expect(resolveOptions({ out: path.join(work, 'c') })).rejects.toThrow(/absolute URL/),
    );
  });

  it("PYODIDE_LOCK_URL puts a mirror's own lock in the kernel's options, and rebuilds", async () => {
    const mirror = 'https://mirror.example.edu/pyodide/';
    const plain = await withEnv({ PYODIDE_PACKAGES_URL: mirror }, () =>
      resolveOptions({ out: path.join(work, 'd'), notebooksDir: notebooks }),
    );
    const withLock = await withEnv(
      { PYODIDE_PACKAGES_URL: mirror, PYODIDE_LOCK_URL: `${mirror}pyodide-lock.json` },
      () => resolveOptions({ out: path.join(work, 'd'), notebooksDir: notebooks }),
    );
    expect(plain.lockFileUrl).toBeNull();
    expect(withLock.lockFileUrl).toBe(`${mirror}pyodide-lock.json`);
    expect(await hashInputs(withLock)).not.toBe(await hashInputs(plain));

    const options = (text: string) =>
      JSON.parse(text)['jupyter-config-data'].litePluginSettings[
        '@jupyterlite/pyodide-kernel-extension:kernel'
      ].loadPyodideOptions;
    expect(options(rootConfig({ appVersion: '1', ...withLock }))).toEqual({
      packageBaseUrl: mirror,
      lockFileURL: `${mirror}pyodide-lock.json`,
    });
    expect(options(rootConfig({ appVersion: '1', ...plain }))).toEqual({ packageBaseUrl: mirror });
  });

  it.each([
    ['a relative URL', '/pyodide/pyodide-lock.json', 'PYODIDE_LOCK_URL must be an absolute URL'],
    [
      'a folder',
      'https://mirror.example.edu/pyodide/',
      'PYODIDE_LOCK_URL must name the lock file itself',
    ],
    ['another scheme', 'file:///srv/pyodide-lock.json', 'PYODIDE_LOCK_URL must use http or https'],
  ])('refuses %s as PYODIDE_LOCK_URL', async (_what, value, message) => {
    await withEnv({ PYODIDE_LOCK_URL: value }, () =>
      expect(resolveOptions({ out: path.join(work, 'e') })).rejects.toThrow(message),
    );
  });
});
