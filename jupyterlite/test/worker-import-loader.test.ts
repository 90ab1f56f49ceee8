import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const loader = require('../scripts/lib/worker-import-loader.cjs') as (
  this: { resourcePath: string },
  source: string,
) => string;
const kernelLib = path.join(import.meta.dirname, '../node_modules/@jupyterlite/pyodide-kernel/lib');
const run = (source: string) => loader.call({ resourcePath: 'worker.js' }, source);

describe("the kernel workers' loader", () => {
  it.each(['comlink.worker.js', 'coincident.worker.js'])(
    'leaves %s without a Function constructor, loading Pyodide with import()',
    (file) => {
      const source = readFileSync(path.join(kernelLib, file), 'utf8');
      const result = run(source);
      expect(result).not.toMatch(/\bFunction\(/);
      expect(result).toMatch(/async function [\w$]+\(([\w$]+)\)\{return import\(\1\)\}/);
      expect(result.length).toBe(
        source.length - 'new Function("url","return import(url)")'.length + 'import'.length,
      );
    },
  );

  it('fails the build when the code to replace is missing or repeated', () => {
    expect(() => run('export {};')).toThrow(/found 0/);
    const twice =
      'new Function("url","return import(url)")(a);new Function("url","return import(url)")(b);';
    expect(() => run(twice)).toThrow(/found 2/);
  });
});
