import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findDuplicates,
  formatDuplicates,
  resolveFrom,
  type LockPackage,
  type Lockfile,
} from './check-single-versions';

/** A lockfile shaped like ours: a root with workspaces, the frontend's runtime dependencies. */
function lockfile(extra: Record<string, LockPackage> = {}): Lockfile {
  return {
    packages: {
      '': { name: 'root', devDependencies: { vitest: '^4' } } as LockPackage,
      frontend: {
        name: '@tutor/frontend',
        version: '0.1.0',
        dependencies: {
          '@tutor/shared': '^0.1.0',
          katex: '^0.19.1',
          'rehype-katex': '^7.0.1',
          react: '^19.3.1',
          'react-dom': '^19.3.1',
          zod: '^4.6.7',
        },
      },
      'node_modules/@tutor/frontend': { resolved: 'frontend', link: true },
      shared: { name: '@tutor/shared', version: '0.1.0', dependencies: { zod: '^4' } },
      'node_modules/@tutor/shared': { resolved: 'shared', link: true },
      'node_modules/zod': { version: '4.6.7' },
      'node_modules/katex': { version: '0.19.1', dependencies: { commander: '^15' } },
      'node_modules/commander': { version: '15.1.0' },
      'node_modules/rehype-katex': {
        version: '7.0.1',
        dependencies: { katex: '^0.16.0', '@types/katex': '^0.16.0' },
      },
      'node_modules/@types/katex': { version: '0.16.7' },
      'node_modules/react': { version: '19.3.1' },
      'node_modules/react-dom': {
        version: '19.3.1',
        dependencies: { scheduler: '^0.27' },
        peerDependencies: { react: '^19.3.1' },
      },
      'node_modules/scheduler': { version: '0.27.0' },
      ...extra,
    },
  };
}

/** The split that broke the maths: rehype-katex rendering with a nested katex of its own. */
const oldSplit = {
  'node_modules/rehype-katex/node_modules/katex': {
    version: '0.16.47',
    dependencies: { commander: '^8.3.0' },
  },
  'node_modules/rehype-katex/node_modules/commander': { version: '8.3.0' },
};

describe('check-single-versions', () => {
  it('finds nothing when every library the page loads is installed once', () => {
    expect(findDuplicates(lockfile())).toEqual([]);
  });

  it("reports rehype-katex's nested katex beside the frontend's, with versions, paths and who requires each", () => {
    const duplicates = findDuplicates(lockfile(oldSplit));
    expect(duplicates.map((d) => d.name)).toEqual(['commander', 'katex']);
    expect(duplicates.find((d) => d.name === 'katex')?.copies).toEqual([
      { path: 'node_modules/katex', version: '0.19.1', requiredBy: ['frontend'] },
      {
        path: 'node_modules/rehype-katex/node_modules/katex',
        version: '0.16.47',
        requiredBy: ['node_modules/rehype-katex'],
      },
    ]);
    const message = formatDuplicates(duplicates);
    expect(message).toContain('katex:');
    expect(message).toContain('0.19.1  node_modules/katex  (required by frontend)');
    expect(message).toContain(
      '0.16.47  node_modules/rehype-katex/node_modules/katex  (required by node_modules/rehype-katex)',
    );
  });

  it('follows workspace links and nested copies under a workspace folder', () => {
    const duplicates = findDuplicates(
      lockfile({
        // The shared workspace (linked) pulls its own zod, nested in its folder.
        'shared/node_modules/zod': { version: '3.25.0' },
      }),
    );
    expect(duplicates).toEqual([
      {
        name: 'zod',
        copies: [
          { path: 'node_modules/zod', version: '4.6.7', requiredBy: ['frontend'] },
          { path: 'shared/node_modules/zod', version: '3.25.0', requiredBy: ['shared'] },
        ],
      },
    ]);
  });

  it('follows peer dependencies: a second react that react-dom would use is reported', () => {
    const duplicates = findDuplicates(
      lockfile({ 'node_modules/react-dom/node_modules/react': { version: '19.2.0' } }),
    );
    expect(duplicates).toEqual([
      {
        name: 'react',
        copies: [
          { path: 'node_modules/react', version: '19.3.1', requiredBy: ['frontend'] },
          {
            path: 'node_modules/react-dom/node_modules/react',
            version: '19.2.0',
            requiredBy: ['node_modules/react-dom'],
          },
        ],
      },
    ]);
  });

  it('reports a second copy of a page renderer anywhere, even one the page does not reach', () => {
    const duplicates = findDuplicates(
      lockfile({
        'node_modules/some-tool': { version: '1.0.0', dependencies: { 'highlight.js': '^10' } },
        'node_modules/some-tool/node_modules/highlight.js': { version: '10.7.3' },
        'node_modules/highlight.js': { version: '11.11.2' },
      }),
    );
    expect(duplicates.map((d) => [d.name, d.copies.map((c) => `${c.version} ${c.path}`)])).toEqual([
      [
        'highlight.js',
        [
          '11.11.2 node_modules/highlight.js',
          '10.7.3 node_modules/some-tool/node_modules/highlight.js',
        ],
      ],
    ]);
  });

  it('ignores duplicates the page never loads: server and tool dependencies, type packages', () => {
    expect(
      findDuplicates(
        lockfile({
          'node_modules/fastify-plugin': { version: '6.0.1' },
          'backend/node_modules/@fastify/cookie/node_modules/fastify-plugin': { version: '5.1.0' },
          'node_modules/parse-entities/node_modules/@types/unist': { version: '2.0.11' },
          'node_modules/rehype-katex/node_modules/@types/katex': { version: '0.16.0' },
        }),
      ),
    ).toEqual([]);
  });

  it('resolves a name the way Node does: the nearest node_modules upwards', () => {
    const lock = lockfile(oldSplit);
    expect(resolveFrom(lock, 'node_modules/rehype-katex', 'katex')).toBe(
      'node_modules/rehype-katex/node_modules/katex',
    );
    expect(resolveFrom(lock, 'node_modules/rehype-katex/node_modules/katex', 'commander')).toBe(
      'node_modules/rehype-katex/node_modules/commander',
    );
    expect(resolveFrom(lock, 'frontend', 'katex')).toBe('node_modules/katex');
    expect(resolveFrom(lock, 'node_modules/react-dom', 'scheduler')).toBe('node_modules/scheduler');
    expect(resolveFrom(lock, 'frontend', 'missing')).toBeNull();
  });

  it('as a command: exits 1 naming the package and paths for the old split, 0 once it is one copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'single-versions-'));
    try {
      const run = (lock: Lockfile) => {
        const file = join(dir, 'package-lock.json');
        writeFileSync(file, JSON.stringify(lock));
        return spawnSync(
          process.execPath,
          ['--import', 'tsx', join(import.meta.dirname, 'check-single-versions.ts'), file],
          { encoding: 'utf8' },
        );
      };
      const failing = run(lockfile(oldSplit));
      expect(failing.status).toBe(1);
      expect(failing.stderr).toContain('node_modules/rehype-katex/node_modules/katex');
      const passing = run(lockfile());
      expect(passing.stderr).toBe('');
      expect(passing.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
