/**
 * How every browser run here starts Debian's Chromium (tests and benchmarks): never a downloaded
 * browser; no sandbox (root in CI), no GPU, and none of Chromium's own network traffic.
 */
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Benchmarks also refuse every host but loopback, so a stray request fails fast. */
export const loopbackOnlyArg = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
