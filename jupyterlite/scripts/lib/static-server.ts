/**
 * A small static file server for tests and the benchmark: serves a built site under a mount path
 * with the MIME types and caching the real server must use, optionally gzip-compressed.
 * (The product's Fastify server does this in production; this one has no dependencies.)
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.whl': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

/** Compressible types (the others are already compressed). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|x-ipynb))|image\/svg/;

/** File names carrying a content hash (`name.<16 hex>.ext`): safe to cache forever. */
export function isContentHashed(filePath: string): boolean {
  return /\.[0-9a-f]{16}\.[a-z0-9]+$/.test(filePath);
}

export function cacheControlFor(relativePath: string): string {
  if (isContentHashed(relativePath)) return 'public, max-age=31536000, immutable';
  // Pyodide's core is versioned by the package: cache for a day, revalidate after.
  if (relativePath.startsWith('static/pyodide/')) return 'public, max-age=86400';
  return 'no-cache';
}

export interface StaticServerOptions {
  root: string;
  /** URL prefix the site is mounted under, e.g. `/jupyterlite/`. */
  mount?: string;
  gzip?: boolean;
  /** Extra routes tried before the files (e.g. a test page). */
  routes?: Record<string, { type: string; body: string }>;
  port?: number;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const mount = options.mount ?? '/jupyterlite/';
  const root = path.resolve(options.root);
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = options.routes?.[url.pathname];
    if (route) {
      response.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' });
      response.end(route.body);
      return;
    }
    if (!url.pathname.startsWith(mount)) {
      response.writeHead(404).end();
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(mount.length));
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = MIME_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': cacheControlFor(relative),
      'x-content-type-options': 'nosniff',
    };
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (options.gzip && acceptsGzip && COMPRESSIBLE.test(type)) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip({ level: 6 })).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(info.size) });
    createReadStream(file).pipe(response);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
