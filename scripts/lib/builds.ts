import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { precompressSite } from './precompress';
import { run } from './run';
import { buildIfChanged, repoRoot } from './stamps';

const sharedInputs = ['package-lock.json', 'shared/src', 'tsconfig.base.json'];

/** JupyterLite is its own npm project (it pins React 18 and JupyterLab); install it on demand. */
export async function installJupyterLite(): Promise<void> {
  await buildIfChanged('jupyterlite-install', ['jupyterlite/package-lock.json'], ['jupyterlite/node_modules'], () =>
    run('npm', ['ci', '--prefix', 'jupyterlite', '--no-audit', '--no-fund']),
  );
}

/** The production JupyterLite site in frontend/public/jupyterlite (skips itself when unchanged). */
export async function buildJupyterLite(options: { withTestKernel?: boolean } = {}): Promise<void> {
  if (!existsSync(join(repoRoot, 'jupyterlite', 'package.json'))) {
    console.log('> jupyterlite: no jupyterlite/ project yet, skipped');
    return;
  }
  await installJupyterLite();
  await run('npm', ['run', '--silent', '--prefix', 'jupyterlite', 'build']);
  precompressSite(join(repoRoot, 'frontend', 'public', 'jupyterlite'));
  if (options.withTestKernel) {
    // The same site plus a JavaScript stand-in kernel, in jupyterlite/dist-test (tests only).
    await run('npm', ['run', '--silent', '--prefix', 'jupyterlite', 'build:test']);
    precompressSite(join(repoRoot, 'jupyterlite', 'dist-test'));
  }
}

export async function buildFrontend(): Promise<void> {
  await buildIfChanged('frontend', [...sharedInputs, 'frontend/src', 'frontend/index.html', 'frontend/vite.config.ts', 'frontend/package.json'], ['frontend/dist/index.html'], () =>
    run('npm', ['run', 'build', '-w', '@tutor/frontend']).then(() => precompressSite(join(repoRoot, 'frontend', 'dist'))),
  );
}

export async function buildBackend(): Promise<void> {
  await buildIfChanged('backend', [...sharedInputs, 'backend/src', 'backend/scripts', 'backend/package.json'], ['backend/dist/server.js', 'backend/dist/pglite-worker.js', 'backend/dist/password-strength-worker.js'], () =>
    run('npm', ['run', 'build', '-w', '@tutor/backend']),
  );
}

export async function buildAll(options: { withTestKernel?: boolean } = {}): Promise<void> {
  await buildJupyterLite(options);
  await buildFrontend();
  await buildBackend();
}
