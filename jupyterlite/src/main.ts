/**
 * Bundle entry: load the configuration first (JupyterLab modules read `PageConfig` when they are
 * evaluated), then start the application. `webpackMode: "eager"` keeps the app in this bundle
 * (no extra round trip) while delaying its evaluation until the configuration is in place.
 */
import { loadConfig, siteRoot } from './config';
import { preloadNotebook } from './early-fetches';

async function start(): Promise<void> {
  // Yield once, so nothing below runs with this bundle's top-level function on the stack: when
  // an inspector is attached (DevTools, or Playwright in the tests and benchmarks), the first
  // fetch records its caller's stack, and locating that frame re-parses the whole 3 MB script
  // (~130 ms on the main thread). Without an inspector this costs nothing either way.
  await Promise.resolve();
  preloadNotebook(siteRoot());
  await loadConfig();
  const { main } = await import(/* webpackMode: "eager" */ './app');
  await main();
}

start().catch((error: unknown) => {
  console.error('JupyterLite failed to start', error);
  const message = document.createElement('p');
  message.className = 'tutor-StartupError';
  message.setAttribute('role', 'alert');
  message.textContent = `The notebook could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.appendChild(message);
});
