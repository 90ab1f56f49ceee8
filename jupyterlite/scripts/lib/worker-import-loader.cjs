// @ts-check
/**
 * rspack loader for @jupyterlite/pyodide-kernel's prebuilt worker scripts (comlink.worker.js,
 * coincident.worker.js): replaces their one `new Function("url", "return import(url)")(x)`, which
 * loads Pyodide, with `import(x)`. The kernel wraps the import in `new Function` only to hide it
 * from bundlers; these files are copied as assets (never parsed by rspack), so a plain dynamic
 * import is safe, and the worker then runs with 'wasm-unsafe-eval' instead of 'unsafe-eval' in its
 * Content-Security-Policy (backend/src/static/security-headers.ts).
 *
 * The build fails if the code is not there exactly once: a new kernel version must be looked at.
 */
const DYNAMIC_IMPORT =
  /new Function\(\s*(["'])url\1\s*,\s*(["'])return import\(url\)\2\s*\)\(\s*([A-Za-z_$][\w$]*)\s*\)/g;

/** @param {string} source */
module.exports = function workerImportLoader(source) {
  const found = source.match(DYNAMIC_IMPORT)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `${this.resourcePath}: expected one new Function("url", "return import(url)") to replace, ` +
        `found ${found}; check the kernel's worker and jupyterlite/scripts/lib/worker-import-loader.cjs`,
    );
  }
  const result = source.replace(DYNAMIC_IMPORT, 'import($3)');
  if (/\bnew Function\b|\bFunction\(\s*["']/.test(result)) {
    throw new Error(`${this.resourcePath}: another Function constructor is left in the worker`);
  }
  return result;
};
