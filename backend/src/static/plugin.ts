import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { jupyterLiteContentSecurityPolicy } from './security-headers';

export interface StaticPluginOptions {
  /** The built React app (vite's output). Skipped when absent. */
  frontendDist: string;
  /** The built JupyterLite site, served under /jupyterlite/. Skipped when absent. */
  jupyterLiteDir: string;
}

/** File names with a content hash (`index.4f9a1c2e.js`) never change: cache them for a year. */
const hashedName = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i;
const apiPrefixes = ['/api/', '/ws/', '/jupyterlite/', '/health'];

function setCacheHeaders(reply: { setHeader(name: string, value: string): unknown }, path: string): void {
  reply.setHeader('cache-control', hashedName.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** Origins the Pyodide kernel fetches packages from, read from the built site's configuration. */
function pyodidePackageOrigins(jupyterLiteDir: string): string[] {
  const origins = new Set<string>();
  for (const file of ['jupyter-lite.json', 'lab/jupyter-lite.json']) {
    const path = join(jupyterLiteDir, file);
    if (!existsSync(path)) continue;
    for (const match of readFileSync(path, 'utf8').matchAll(/"(?:packageBaseUrl|indexURL)"\s*:\s*"(https?:\/\/[^"]+)"/g)) {
      origins.add(new URL(match[1]!).origin);
    }
  }
  return [...origins];
}

/**
 * Serves the React app (with client-side route fallback) and JupyterLite from this process, so
 * the API, the sockets and both front ends share one origin and one port.
 */
export const staticPlugin: FastifyPluginAsync<StaticPluginOptions> = async (app, options) => {
  const hasFrontend = existsSync(join(options.frontendDist, 'index.html'));

  if (existsSync(options.jupyterLiteDir)) {
    const csp = jupyterLiteContentSecurityPolicy(pyodidePackageOrigins(options.jupyterLiteDir));
    await app.register(async (lite) => {
      lite.addHook('onSend', async (_request, reply) => {
        reply.header('content-security-policy', csp);
      });
      await lite.register(fastifyStatic, {
        root: options.jupyterLiteDir,
        prefix: '/jupyterlite/',
        decorateReply: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: (res, path) => {
          setCacheHeaders(res, path);
          if (path.endsWith('.mjs')) res.setHeader('content-type', 'text/javascript; charset=utf-8');
          if (path.endsWith('.wasm')) res.setHeader('content-type', 'application/wasm');
        },
      });
    });
  }

  if (hasFrontend) {
    await app.register(fastifyStatic, {
      root: options.frontendDist,
      prefix: '/',
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => setCacheHeaders(res, path),
    });
  }

  const sendApp = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', options.frontendDist);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !apiPrefixes.some((prefix) => path.startsWith(prefix)) &&
      (request.headers.accept ?? '').includes('text/html');
    if (hasFrontend && wantsPage) return sendApp(reply);
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route for ${request.method} ${path}` } });
  });
};
