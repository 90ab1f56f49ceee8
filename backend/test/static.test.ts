import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from './helpers/test-app';

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

describe('static files: the React app and JupyterLite on the API origin', () => {
  let app: FastifyInstance;
  const root = mkdtempSync(join(tmpdir(), 'tutor-static-'));
  const frontend = join(root, 'frontend');
  const lite = join(root, 'jupyterlite');
  const bundle = 'console.log("app");'.repeat(200);

  beforeAll(async () => {
    write(join(frontend, 'index.html'), '<!doctype html><title>app</title>');
    write(join(frontend, 'assets', 'index-C39eFDRL.js'), bundle);
    write(join(frontend, 'assets', 'index-C39eFDRL.js.br'), brotliCompressSync(bundle));
    write(join(lite, 'lab', 'index.html'), '<!doctype html><title>lab</title>');
    write(join(lite, 'jupyter-lite.json'), JSON.stringify({ 'jupyter-config-data': { litePluginSettings: { kernel: { loadPyodideOptions: { packageBaseUrl: 'https://mirror.example.org/pyodide/' } } } } }));
    write(join(lite, 'build', 'main.0123456789abcdef.js'), 'export {};');
    write(join(lite, 'build', 'comlink.worker.0123456789abcdef.js'), 'export {};');
    write(join(lite, 'static', 'pyodide', 'pyodide.asm.wasm'), Buffer.from([0, 97, 115, 109]));
    write(join(lite, 'static', 'pyodide', 'pyodide.mjs'), 'export {};');
    write(join(lite, 'files', 'files', 'module.ipynb'), '{"cells":[]}');
    app = await createTestApp({ env: { FRONTEND_DIST: frontend, JUPYTERLITE_DIR: lite } });
  });
  afterAll(() => app.close());

  it('serves the app shell for client-side routes and JSON 404s for the API', async () => {
    const page = await app.inject({ url: '/workspace/123', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ url: '/api/unknown', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('caches hashed assets for a year and serves them precompressed', async () => {
    const response = await app.inject({ url: '/assets/index-C39eFDRL.js', headers: { 'accept-encoding': 'br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves files written after start-up (a rebuild while the server runs)', async () => {
    write(join(frontend, 'assets', 'index-NEWBUILD.js'), 'console.log("new");');
    const response = await app.inject({ url: '/assets/index-NEWBUILD.js' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("new");');
  });

  it('serves JupyterLite with the right types, caching and its own CSP', async () => {
    const wasm = await app.inject({ url: '/jupyterlite/static/pyodide/pyodide.asm.wasm' });
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['cache-control']).toBe('public, max-age=86400');
    const mjs = await app.inject({ url: '/jupyterlite/static/pyodide/pyodide.mjs' });
    expect(mjs.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    const hashed = await app.inject({ url: '/jupyterlite/build/main.0123456789abcdef.js' });
    expect(hashed.headers['cache-control']).toContain('immutable');
    const lab = await app.inject({ url: '/jupyterlite/lab/index.html' });
    expect(lab.statusCode).toBe(200);
    expect(lab.headers['cache-control']).toBe('no-cache');
    const notebook = await app.inject({ url: '/jupyterlite/files/files/module.ipynb' });
    expect(notebook.headers['content-type']).toContain('ipynb+json');
  });

  /** A Content-Security-Policy header as a map of directive -> sources. */
  const directives = (header: unknown): Record<string, string[]> =>
    Object.fromEntries(
      String(header)
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .filter((words) => words[0])
        .map(([name, ...sources]) => [name!, sources]),
    );

  it("gives the lab's pages a CSP that allows no script from another origin", async () => {
    for (const url of ['/jupyterlite/lab/index.html', '/jupyterlite/build/main.0123456789abcdef.js']) {
      const csp = directives((await app.inject({ url })).headers['content-security-policy']);
      // The package mirror is no script source, and no inline script or handler may run.
      // 'unsafe-eval': JupyterLab compiles the settings schemas that plugins transform at run
      // time with Ajv (new Function); see security-headers.ts.
      expect(csp['script-src']).toEqual(["'self'", "'unsafe-eval'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'self'"]);
    }
  });

  it("gives the kernel's worker WebAssembly but no eval, and the package URL (not its whole origin)", async () => {
    const worker = await app.inject({ url: '/jupyterlite/build/comlink.worker.0123456789abcdef.js' });
    expect(worker.statusCode).toBe(200);
    const csp = directives(worker.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://mirror.example.org/pyodide/']);
    expect(csp['default-src']).toEqual(["'self'"]);
  });
});
