import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The React app's Content Security Policy: our own scripts only, inline styles (KaTeX and the
 * split panes set them), same-origin frames (JupyterLite) and sockets.
 */
export const appHelmetOptions: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", 'ws:', 'wss:'],
      frameSrc: ["'self'"],
      frameAncestors: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      upgradeInsecureRequests: null,
    },
  },
  // JupyterLite loads its Pyodide worker and wasm from the same origin.
  crossOriginEmbedderPolicy: false,
  frameguard: { action: 'sameorigin' },
};

/**
 * The headers helmet sets for `options`, computed once. Our directives are constant, so every
 * response can carry the same headers; @fastify/helmet instead rebuilt helmet (parsing the CSP)
 * on every request, about a tenth of a millisecond of each API call's CPU here.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}

/** Sets the app's security headers on every reply (routes may override them, as the lab does). */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = helmetHeaders(appHelmetOptions);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/**
 * JupyterLite's policies. Saved notebooks are rendered in the lab on the app's origin, so what its
 * pages may run is kept to our own files: no inline script (so no script a notebook's HTML output
 * carries, trusted or not), no script from any other origin, and only the kernel's worker reaches
 * the Python package URL. Checked in Chromium with real Pyodide and numpy
 * (e2e/jupyterlite/kernel.spec.ts) and with trusted HTML outputs in a saved notebook
 * (e2e/workspace/saved-notebook-trust.spec.ts).
 */
const liteDirectives = (script: string, connect: string) =>
  [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');

/**
 * Every file of the lab but the kernel's workers: its pages and their scripts. JupyterLab injects
 * <style> tags and style attributes ('unsafe-inline' styles). 'unsafe-eval' is needed here, and
 * only here, by JupyterLab's setting registry: the settings schemas that plugins transform at run
 * time (the context menu, top bar, notebook toolbar, keyboard shortcuts, completer and document
 * manager plugins) are compiled by Ajv, which builds each validator with `new Function`; without it
 * those settings fail to load, and with them the shortcuts, menus and toolbar (the other schemas
 * are compiled at build time: jupyterlite/scripts/lib/settings-validators.ts). No WebAssembly runs
 * in the page, and it fetches nothing from the package URL.
 */
export function jupyterLiteContentSecurityPolicy(): string {
  return liteDirectives("'self' 'unsafe-eval'", "'self'");
}

/**
 * The Pyodide kernel's worker scripts (`build/<name>.worker.<hash>.js`; a worker's policy is the
 * one its script is served with). Pyodide compiles WebAssembly ('wasm-unsafe-eval', not
 * 'unsafe-eval': the build replaces the kernel's one `new Function`,
 * jupyterlite/scripts/lib/worker-import-loader.cjs) and fetches packages from the configured
 * package URLs (PYODIDE_PACKAGES_URL: that directory, not its whole origin).
 */
export function jupyterLiteWorkerContentSecurityPolicy(packageUrls: string[]): string {
  return liteDirectives("'self' 'wasm-unsafe-eval'", ["'self'", ...packageUrls].join(' '));
}

/**
 * A URL as a CSP source expression: scheme, host, port and path (a path ending in "/" matches
 * everything under it); no query or fragment, and the characters CSP reserves percent-encoded.
 */
export function cspSource(url: URL): string {
  const path = url.pathname.replaceAll(';', '%3B').replaceAll(',', '%2C');
  return `${url.protocol}//${url.host}${path}`;
}
