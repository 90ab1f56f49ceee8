/**
 * Asks for the notebook named by `?path=` as soon as the script runs. The contents drive fetches
 * it much later (after the plugins have started), from the same URL; a preload lets that fetch
 * find it ready. The lab page preloads the files every start needs (scripts/lib/site.ts).
 */
export function preloadNotebook(root: string): void {
  const path = new URLSearchParams(window.location.search).get('path');
  if (!path) return;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  // The drive's URL: the site's `files/` folder joined with the contents path.
  link.href = new URL(`${root}/files/${path}`, window.location.href).href;
  document.head.appendChild(link);
}
