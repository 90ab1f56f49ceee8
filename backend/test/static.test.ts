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
    const csp = String(lab.headers['content-security-policy']);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain('https://mirror.example.org');
    const notebook = await app.inject({ url: '/jupyterlite/files/files/module.ipynb' });
    expect(notebook.headers['content-type']).toContain('ipynb+json');
  });
});
