// `npm run pyodide:mirror` against a local server that serves the official numpy wheel from
// ../shared/pyodide and one tampered file: only verified files land.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALLED_LOCK, fillMirror } from './lib/pyodide-mirror';
import { repoRoot } from './lib/stamps';

const SHARED_PYODIDE_DIR = join(repoRoot, '..', 'shared', 'pyodide');
const lock = JSON.parse(readFileSync(INSTALLED_LOCK, 'utf8')) as {
  packages: Record<string, { file_name: string; sha256: string }>;
};
const numpy = lock.packages['numpy']!;
const micropip = lock.packages['micropip']!;
const parso = lock.packages['parso']!;
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The official wheel, trusted only when its sha256 is the installed lock's. */
function verifiedNumpyWheel(): Buffer {
  const path = join(SHARED_PYODIDE_DIR, numpy.file_name);
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: it must be the official wheel with sha256 ${numpy.sha256}.`,
    );
  }
  const data = readFileSync(path);
  if (sha256(data) !== numpy.sha256) {
    throw new Error(
      `${path} has sha256 ${sha256(data)}, but ${INSTALLED_LOCK} says ${numpy.sha256}.`,
    );
  }
  return data;
}

function runCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'scripts', 'pyodide-mirror.ts'), ...args],
      { cwd: repoRoot },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('npm run pyodide:mirror', () => {
  let server: Server;
  let source: string;
  const wheel = verifiedNumpyWheel();
  // A real wheel's bytes under another package's name: the right size, the wrong hash.
  const tampered = Buffer.concat([wheel.subarray(0, 1000), Buffer.from('tampered')]);

  beforeAll(async () => {
    const files = new Map([
      [`/${numpy.file_name}`, wheel],
      [`/${micropip.file_name}`, tampered],
    ]);
    server = createServer((request, response) => {
      const body = files.get(request.url ?? '');
      response.writeHead(body ? 200 : 404).end(body ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    source = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('keeps the verified file, refuses the tampered and the missing ones, and writes no lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-mirror-'));
    const { code, output } = await runCli([
      dir,
      '--from',
      source,
      '--packages',
      'numpy,micropip,parso',
    ]);

    expect(code).toBe(1);
    expect(readFileSync(join(dir, numpy.file_name)).equals(wheel)).toBe(true);
    // Nothing else: no tampered file, no temporary file, no lock for the app to serve.
    expect(readdirSync(dir)).toEqual([numpy.file_name]);
    expect(output).toContain(`downloaded ${numpy.file_name} (2850 KB)`);
    expect(output).toContain(
      `refused    ${micropip.file_name}: ${source}${micropip.file_name} has sha256 ` +
        `${sha256(tampered)}, but the lock says ${micropip.sha256}: not the official file`,
    );
    expect(output).toContain(
      `refused    ${parso.file_name}: ${source}${parso.file_name} answered 404`,
    );
    expect(output).toContain('2 of 3 files refused; pyodide-lock.json not written');
  }, 60_000);

  it('writes the lock once every file is verified, and keeps verified files on a second run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-mirror-'));
    const lines: string[] = [];
    const first = await fillMirror({
      dir,
      source,
      lockFile: INSTALLED_LOCK,
      packages: ['numpy'],
      log: (l) => lines.push(l),
    });
    expect(first.complete).toBe(true);
    expect(readFileSync(join(dir, 'pyodide-lock.json')).equals(readFileSync(INSTALLED_LOCK))).toBe(
      true,
    );
    expect(sha256(readFileSync(join(dir, numpy.file_name)))).toBe(numpy.sha256);

    const again = await fillMirror({
      dir,
      source,
      lockFile: INSTALLED_LOCK,
      packages: ['numpy'],
      log: () => {},
    });
    expect(again.outcomes).toEqual([
      { file: numpy.file_name, status: 'present', bytes: wheel.length },
    ]);
    expect(lines.at(-1)).toBe(
      `1 of 1 files verified; wrote pyodide-lock.json. Serve it with PYODIDE_MIRROR_DIR=${dir}`,
    );
  }, 60_000);
});
