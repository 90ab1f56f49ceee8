// `tsx scripts/check-single-versions.ts [package-lock.json]` (a step of `npm test`): fails when the
// browser app could load two installed copies of one library. Two copies of a library that renders
// or styles the page break it quietly: rehype-katex once rendered with its own nested katex 0.16
// while the page loaded katex 0.19's stylesheet, whose class names differ, and every subscript sat
// on the baseline; two Reacts break hooks.
//
// Read from the lockfile's `packages` (every installed copy, nested ones included): the dependency
// graph of the frontend workspace's runtime dependencies, each name resolved the way Node and the
// bundler resolve it (the nearest node_modules up from the requiring package). A name reached at
// two paths is reported with the paths, their versions and who requires each. The libraries in
// `alwaysChecked` are reported on any second copy in the lockfile, reachable from the page or not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LockPackage {
  name?: string;
  version?: string;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface Lockfile {
  packages: Record<string, LockPackage>;
}

export interface Copy {
  path: string;
  version: string;
  /** Lockfile paths of the packages that resolve this name to this copy ('' is the root). */
  requiredBy: string[];
}

export interface Duplicate {
  name: string;
  copies: Copy[];
}

export interface CheckOptions {
  /** Lockfile paths whose `dependencies` are loaded by the page (workspace folders). */
  roots: string[];
  /** Names checked wherever they are installed. */
  alwaysChecked: string[];
}

export const defaultOptions: CheckOptions = {
  roots: ['frontend'],
  // What draws or styles the page: the renderers and their stylesheets, React, and the CSS tool.
  alwaysChecked: ['react', 'react-dom', 'katex', 'highlight.js', 'lowlight', 'tailwindcss'],
};

/** The package name of a lockfile path: node_modules/a/node_modules/@s/b -> @s/b. */
export function nameOfPath(path: string): string | null {
  const index = path.lastIndexOf('node_modules/');
  return index === -1 ? null : path.slice(index + 'node_modules/'.length);
}

/** Where `name` required from the package at `from` resolves: the nearest node_modules upwards. */
export function resolveFrom(lock: Lockfile, from: string, name: string): string | null {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (base === '') return null;
    // node_modules/a/node_modules/b -> node_modules/a; node_modules/a and a workspace -> the root.
    const index = base.lastIndexOf('/node_modules/');
    base = index === -1 ? '' : base.slice(0, index);
  }
}

/** Follows workspace links (node_modules/@tutor/shared -> shared). */
function target(lock: Lockfile, path: string): string {
  const entry = lock.packages[path];
  return entry?.link && entry.resolved !== undefined ? entry.resolved : path;
}

function requirements(entry: LockPackage): string[] {
  const optionalPeers = entry.peerDependenciesMeta ?? {};
  return [
    ...Object.keys(entry.dependencies ?? {}),
    ...Object.keys(entry.optionalDependencies ?? {}),
    ...Object.keys(entry.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional),
  ];
}

/** Type-only packages never reach the page. */
const typesOnly = (name: string) => name.startsWith('@types/');

export function findDuplicates(
  lock: Lockfile,
  options: CheckOptions = defaultOptions,
): Duplicate[] {
  // name -> path -> requiring paths
  const reached = new Map<string, Map<string, Set<string>>>();
  const visited = new Set<string>();
  const queue = [...options.roots];
  while (queue.length > 0) {
    const from = queue.shift()!;
    if (visited.has(from)) continue;
    visited.add(from);
    const entry = lock.packages[from];
    if (!entry) continue;
    for (const name of requirements(entry)) {
      if (typesOnly(name)) continue;
      const found = resolveFrom(lock, from, name);
      if (found === null) continue; // an optional dependency not installed on this platform
      const path = target(lock, found);
      const paths = reached.get(name) ?? new Map<string, Set<string>>();
      reached.set(name, paths);
      const requiredBy = paths.get(path) ?? new Set<string>();
      paths.set(path, requiredBy);
      requiredBy.add(from);
      queue.push(path);
    }
  }

  for (const name of options.alwaysChecked) {
    const paths = reached.get(name) ?? new Map<string, Set<string>>();
    reached.set(name, paths);
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (entry.link || (entry.name ?? nameOfPath(path)) !== name || paths.has(path)) continue;
      const requiredBy = new Set<string>();
      for (const [from, other] of Object.entries(lock.packages)) {
        if (requirements(other).includes(name) && resolveFrom(lock, from, name) === path) {
          requiredBy.add(from);
        }
      }
      paths.set(path, requiredBy);
    }
  }

  const duplicates: Duplicate[] = [];
  for (const [name, paths] of reached) {
    if (paths.size < 2) continue;
    const copies = [...paths]
      .map(([path, requiredBy]) => ({
        path,
        version: lock.packages[path]?.version ?? '?',
        requiredBy: [...requiredBy].sort(),
      }))
      .sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
    duplicates.push({ name, copies });
  }
  return duplicates.sort((a, b) => a.name.localeCompare(b.name));
}

export function formatDuplicates(duplicates: Duplicate[]): string {
  const lines = ['Two copies of a library the page loads are installed:'];
  for (const { name, copies } of duplicates) {
    lines.push(`  ${name}:`);
    for (const copy of copies) {
      const by = copy.requiredBy.map((from) => (from === '' ? '(root)' : from)).join(', ');
      lines.push(`    ${copy.version}  ${copy.path}${by ? `  (required by ${by})` : ''}`);
    }
  }
  lines.push(
    'Make them one: align the versions (package.json "overrides", or a version of the dependent',
    'package whose own dependency matches), run `npm install` at the root, and commit package-lock.json.',
  );
  return lines.join('\n');
}

function main(): void {
  const lockPath = process.argv[2] ?? join(import.meta.dirname, '..', 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as Lockfile;
  const duplicates = findDuplicates(lock);
  if (duplicates.length > 0) {
    console.error(formatDuplicates(duplicates));
    process.exit(1);
  }
  console.log(`One installed copy of each library the page loads (${lockPath}).`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
