import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const compressible = /\.(js|mjs|css|html|json|ipynb|svg|wasm|txt|py|ttf|eot)$/;
const marker = '.precompressed';

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Writes `.br` and `.gz` beside every compressible file of a built static site, once per build,
 * so the server sends them as they are (@fastify/static preCompressed) instead of compressing
 * megabytes of JavaScript and WebAssembly on every request.
 */
export function precompressSite(dir: string): void {
  if (!existsSync(dir) || existsSync(join(dir, marker))) return;
  const started = Date.now();
  let before = 0;
  let after = 0;
  for (const file of files(dir)) {
    if (!compressible.test(file)) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    const brotli = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${file}.br`, brotli);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    before += content.length;
    after += brotli.length;
  }
  writeFileSync(join(dir, marker), '');
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(`> precompressed ${dir}: ${mb(before)} MB -> ${mb(after)} MB brotli in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
