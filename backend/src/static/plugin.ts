import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { checkMirrorDir, registerMirrorFiles, registerMirrorSiteConfig } from './pyodide-mirror';
import {
  cspSource,
  jupyterLiteContentSecurityPolicy,
  jupyterLiteWorkerContentSecurityPolicy,
} from './security-headers';

export interface StaticPluginOptions {
  /** The built React app (vite's output). Skipped when absent. */
  frontendDist: string;
  /** The built JupyterLite site, served under /jupyterlite/. Skipped when absent. */
  jupyterLiteDir: string;
  /** Python packages to serve under /pyodide/ for the lab (PYODIDE_MIRROR_DIR), if any. */
  pyodideMirrorDir?: string | undefined;
}

/**
 * File names with a content hash never change: cache them for a year. Vite names them
 * `index-C39eFDRL.js`, the JupyterLite build `main.3f9a1c2e4b5d6e7f.js`.
 */
const hashedName = /(?:\.[0-9a-f]{16}|\/assets\/[^/]+-[A-Za-z0-9_-]{8})\.[a-z0-9]+$/;
/** Pyodide's core is versioned by its npm package: a day, then revalidate. */
const pyodideCore = /\/static\/pyodide\//;
const extraTypes: Record<string, string> = {
  '.ipynb': 'application/x-ipynb+json',
  '.whl': 'application/zip',
  '.wasm': 'application/wasm',
};
const apiPrefixes = ['/api/', '/ws/', '/jupyterlite/', '/pyodide/', '/health'];

function setCacheHeaders(
  reply: { setHeader(name: string, value: string): unknown },
  path: string,
): void {
  const normalised = path.replaceAll('\\', '/').replace(/\.(br|gz)$/, '');
  let value = 'no-cache';
  if (hashedName.test(normalised)) value = 'public, max-age=31536000, immutable';
  else if (pyodideCore.test(normalised)) value = 'public, max-age=86400';
  reply.setHeader('cache-control', value);
}

/**
 * The URLs the Pyodide kernel fetches from, read from the built site's configuration:
 * `loadPyodideOptions.packageBaseUrl` (PYODIDE_PACKAGES_URL), and `indexURL` or `lockFileURL` when
 * they are absolute. As CSP sources: the directory (or file) itself, not its whole origin. With a
 * mirror the app serves, the package and lock URLs are its own origin ('self') and the built ones
 * are not used.
 */
function pyodidePackageSources(jupyterLiteDir: string, withMirror: boolean): string[] {
  const keys = withMirror ? 'indexURL' : 'packageBaseUrl|indexURL|lockFileURL';
  const urls = new RegExp(`"(?:${keys})"\\s*:\\s*"(https?:\\/\\/[^"]+)"`, 'g');
  const sources = new Set<string>();
  for (const file of ['jupyter-lite.json', 'lab/jupyter-lite.json']) {
    const path = join(jupyterLiteDir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(urls)) {
      sources.add(cspSource(new URL(match[1]!)));
    }
  }
  return [...sources];
}

/** The kernel's worker scripts, which get their own policy. */
const kernelWorker = /^\/jupyterlite\/build\/[\w-]+\.worker\.[0-9a-f]{16}\.js$/;

/**
 * Serves the React app (with client-side route fallback) and JupyterLite from this process, so
 * the API, the sockets and both front ends share one origin and one port.
 */
export const staticPlugin: FastifyPluginAsync<StaticPluginOptions> = async (app, options) => {
  const hasFrontend = existsSync(join(options.frontendDist, 'index.html'));
  const mirrorDir = options.pyodideMirrorDir;
  if (mirrorDir) {
    checkMirrorDir(mirrorDir);
    registerMirrorFiles(app, mirrorDir);
  }

  if (existsSync(options.jupyterLiteDir)) {
    const pageCsp = jupyterLiteContentSecurityPolicy();
    const workerCsp = jupyterLiteWorkerContentSecurityPolicy(
      pyodidePackageSources(options.jupyterLiteDir, mirrorDir !== undefined),
    );
    await app.register(async (lite) => {
      lite.addHook('onSend', async (request, reply) => {
        const path = request.url.split('?')[0] ?? '';
        reply.header('content-security-policy', kernelWorker.test(path) ? workerCsp : pageCsp);
        // Types the static server's MIME table does not know.
        const type = Object.entries(extraTypes).find(([extension]) =>
          path.endsWith(extension),
        )?.[1];
        if (type && reply.statusCode === 200) reply.header('content-type', type);
      });
      if (mirrorDir) registerMirrorSiteConfig(lite, options.jupyterLiteDir);
      await lite.register(fastifyStatic, {
        root: options.jupyterLiteDir,
        prefix: '/jupyterlite/',
        decorateReply: false,
        preCompressed: true,
        cacheControl: false,
        setHeaders: (res, path) => setCacheHeaders(res, path),
      });
    });
  }

  if (hasFrontend) {
    await app.register(fastifyStatic, {
      root: options.frontendDist,
      prefix: '/',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => setCacheHeaders(res, path),
    });
  }

  const sendApp = (reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .sendFile('index.html', options.frontendDist);

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
