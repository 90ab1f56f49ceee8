import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromiumExecutable as chromiumPath } from './chromium';

/**
 * Debian packages the tests use: the browser, nginx (the load balancer of the multi-instance
 * test), and the Python stack that runs the notebooks.
 */
const nginxPath = '/usr/sbin/nginx';
const pythonModules = ['numpy', 'matplotlib', 'nbclient', 'nbformat', 'ipykernel'];
const pythonPackages = ['python3-numpy', 'python3-matplotlib', 'python3-nbclient', 'python3-nbformat', 'python3-ipykernel'];

function pythonReady(): boolean {
  const probe = spawnSync('/usr/bin/python3', ['-c', `import ${pythonModules.join(', ')}`], { stdio: 'ignore' });
  return probe.status === 0;
}

function canApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

function aptInstall(packages: string[]): void {
  console.log(`> Installing Debian packages: ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args[0]} failed`);
  }
}

/**
 * Makes sure Chromium, nginx and the notebooks' Python packages exist, installing them with apt-get
 * where that is possible (root on Debian), and otherwise stopping with how to get them.
 */
export function ensureSystemPackages(): void {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  // Optional elsewhere: the multi-instance test says it is skipped without it.
  if (!existsSync(nginxPath) && canApt()) missing.push('nginx-light');
  if (!pythonReady()) missing.push(...pythonPackages);
  if (missing.length === 0) return;
  if (!canApt()) {
    console.error(
      [
        `Missing system packages for the tests: ${missing.join(' ')}.`,
        'On Debian or Ubuntu: sudo apt-get install ' + missing.join(' '),
        'Elsewhere: install Chromium and point CHROMIUM_PATH at it (never a downloaded Playwright browser),',
        'and make /usr/bin/python3 have numpy, matplotlib, nbclient, nbformat and ipykernel.',
      ].join('\n'),
    );
    process.exit(1);
  }
  aptInstall(missing);
}
