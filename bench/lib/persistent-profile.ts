/**
 * Warm loads as a returning visitor's browser makes them. A Playwright context is an incognito-like
 * profile in which Chromium never keeps V8's code cache, so its warm loads compile every script
 * again; a persistent profile (a user-data-dir on disk) keeps the HTTP cache and the code cache
 * across browser restarts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { chromiumArgs, chromiumExecutable, loopbackOnlyArg } from '../../scripts/lib/chromium';
import { type LoadResult, loadPage } from './page-load';

/** Loads enough for V8 to cache the bundle's code (it caches a script on its second load). */
const PRIMING_LOADS = 2;

/**
 * Loads `url` twice in a fresh persistent profile, closes the browser, starts it again on that
 * profile and measures a third load.
 */
export async function persistentProfileLoad(url: string, origin: string): Promise<LoadResult> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'bench-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumExecutable,
      args: [...chromiumArgs, loopbackOnlyArg],
      viewport: { width: 800, height: 900 },
      // As in the other variants (bench/jupyterlite.ts).
      serviceWorkers: 'block',
    });
  try {
    const priming = await launch();
    try {
      for (let i = 0; i < PRIMING_LOADS; i += 1) await loadPage(priming, url, origin);
    } finally {
      await priming.close();
    }
    const context = await launch();
    try {
      return await loadPage(context, url, origin);
    } finally {
      await context.close();
    }
  } finally {
    await rm(userDataDir, { recursive: true, force: true });
  }
}
