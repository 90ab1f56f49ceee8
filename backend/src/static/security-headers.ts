import type { FastifyHelmetOptions } from '@fastify/helmet';

/**
 * The React app's Content Security Policy: our own scripts only, inline styles (KaTeX and the
 * split panes set them), same-origin frames (JupyterLite) and sockets.
 */
export const appHelmetOptions: FastifyHelmetOptions = {
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
 * JupyterLite's pages: the kernel worker loads Pyodide with `new Function` ('unsafe-eval') and
 * compiles WebAssembly, and fetches packages from PYODIDE_PACKAGES_URL's origin (the official CDN
 * by default). JupyterLab injects <style> tags and style attributes.
 */
export function jupyterLiteContentSecurityPolicy(packageOrigins: string[]): string {
  const extra = packageOrigins.join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval' ${extra}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${extra}`,
    "worker-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}
