import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client';
import { createTestApp, openTestDatabase } from '../helpers/test-app';

const KERNEL = '@jupyterlite/pyodide-kernel-extension:kernel';
const BUILT_PACKAGES = 'https://cdn.example.org/pyodide/v1/full/';

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A Content-Security-Policy header as a map of directive -> sources. */
const directives = (header: unknown): Record<string, string[]> =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name, sources]),
  );

describe('PYODIDE_MIRROR_DIR: Python packages served by the app under /pyodide/', () => {
  let app: FastifyInstance;
  let database: DatabaseHandle;
  const root = mkdtempSync(join(tmpdir(), 'tutor-pyodide-mirror-'));
  const mirror = join(root, 'mirror');
  const lite = join(root, 'jupyterlite');
  // Every byte value, so that any re-encoding of the body shows.
  const wheel = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 256));
  const lock = JSON.stringify({ info: { version: '0.0.0' }, packages: {} });

  beforeAll(async () => {
    write(join(mirror, 'numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl'), wheel);
    write(join(mirror, 'pyodide-lock.json'), lock);
    write(join(mirror, '.hidden'), 'secret');
    write(join(mirror, 'sub', 'inner.whl'), 'inner');
    write(join(root, 'outside.txt'), 'outside the mirror');
    write(join(lite, 'lab', 'index.html'), '<!doctype html><title>lab</title>');
    write(join(lite, 'build', 'comlink.worker.0123456789abcdef.js'), 'export {};');
    write(
      join(lite, 'jupyter-lite.json'),
      JSON.stringify({
        'jupyter-config-data': {
          appName: 'Notebook',
          litePluginSettings: {
            [KERNEL]: {
              pyodideUrl: './static/pyodide/pyodide.mjs',
              loadPyodideOptions: { packageBaseUrl: BUILT_PACKAGES, packages: ['micropip'] },
            },
          },
        },
      }),
    );
    database = openTestDatabase();
    app = await createTestApp({
      database,
      env: { JUPYTERLITE_DIR: lite, PYODIDE_MIRROR_DIR: mirror },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves a wheel byte for byte, cached for good; the lock revalidated', async () => {
    const response = await app.inject({
      url: '/pyodide/numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl',
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(wheel)).toBe(true);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-length']).toBe(String(wheel.length));
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const lockFile = await app.inject({ url: '/pyodide/pyodide-lock.json' });
    expect(lockFile.statusCode).toBe(200);
    expect(lockFile.body).toBe(lock);
    expect(lockFile.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(lockFile.headers['cache-control']).toBe('no-cache');

    const head = await app.inject({ method: 'HEAD', url: '/pyodide/pyodide-lock.json' });
    expect(head.statusCode).toBe(200);
  });

  it.each([
    ['an unknown file', '/pyodide/scipy-1.0-py3-none-any.whl'],
    ['the folder itself (no listing)', '/pyodide/'],
    ['a sub-folder', '/pyodide/sub'],
    ['a file in a sub-folder', '/pyodide/sub/inner.whl'],
    ['a dot file', '/pyodide/.hidden'],
    ['an encoded way out', '/pyodide/..%2Foutside.txt'],
    ['an encoded way out with backslashes', '/pyodide/..%5Coutside.txt'],
    ['a dot-dot segment', '/pyodide/%2E%2E'],
  ])('answers 404 for %s, not a file and not the app page', async (_what, url) => {
    const response = await app.inject({ url, headers: { accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(response.body).not.toContain('outside the mirror');
    expect(response.body).not.toContain('secret');
  });

  it("points the lab's kernel at the mirror on the origin the browser used", async () => {
    const response = await app.inject({
      url: '/jupyterlite/jupyter-lite.json',
      headers: { host: 'classroom.example.edu:8443' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-cache');
    const data = response.json()['jupyter-config-data'];
    expect(data.appName).toBe('Notebook');
    expect(data.litePluginSettings[KERNEL]).toEqual({
      pyodideUrl: './static/pyodide/pyodide.mjs',
      loadPyodideOptions: {
        packages: ['micropip'],
        packageBaseUrl: 'http://classroom.example.edu:8443/pyodide/',
        lockFileURL: 'http://classroom.example.edu:8443/pyodide/pyodide-lock.json',
      },
    });
    // The built file on disk is unchanged (a rebuild or an unset mirror starts from it).
    expect(readFileSync(join(lite, 'jupyter-lite.json'), 'utf8')).toContain(BUILT_PACKAGES);
  });

  it('refuses a Host header that is not a host name', async () => {
    const response = await app.inject({
      url: '/jupyterlite/jupyter-lite.json',
      headers: { host: 'evil.example/"x' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'bad_request', message: 'The Host header is not a host name.' },
    });
  });

  it("lets the kernel's worker fetch from its own origin only, not the built package URL", async () => {
    const worker = await app.inject({
      url: '/jupyterlite/build/comlink.worker.0123456789abcdef.js',
    });
    const csp = directives(worker.headers['content-security-policy']);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    const config = await app.inject({ url: '/jupyterlite/jupyter-lite.json' });
    expect(directives(config.headers['content-security-policy'])['connect-src']).toEqual([
      "'self'",
    ]);
  });

  it('will not start with a folder that holds no lock file, and says how to fill it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tutor-pyodide-empty-'));
    await expect(
      createTestApp({ database, env: { JUPYTERLITE_DIR: lite, PYODIDE_MIRROR_DIR: empty } }),
    ).rejects.toThrow(
      `PYODIDE_MIRROR_DIR is set to ${empty}, which has no pyodide-lock.json: fill it with \`npm run pyodide:mirror -- <dir>\``,
    );
  });
});
