/**
 * Runs rspack and reports the entry files the lab page must load.
 */
import { rspack, type Stats } from '@rspack/core';

import { createRspackConfig } from '../../rspack.config';

export interface EntryFiles {
  /** The entry script, relative to the output folder. */
  script: string;
  /** The entry's stylesheets (extracted CSS), in order. */
  styles: string[];
}

export async function bundle(outputDir: string, withTestKernel: boolean): Promise<EntryFiles> {
  const mode = process.env['JUPYTERLITE_DEV'] === '1' ? 'development' : 'production';
  const compiler = rspack(createRspackConfig({ outputDir, withTestKernel, mode }));
  const stats = await new Promise<Stats>((resolve, reject) => {
    compiler.run((error, result) => {
      if (error || !result) reject(error ?? new Error('rspack returned no stats'));
      else resolve(result);
    });
  });
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  const info = stats.toJson({ all: false, errors: true, warnings: true, entrypoints: true });
  if (stats.hasErrors()) {
    const messages = (info.errors ?? []).map((e) => e.message).join('\n\n');
    throw new Error(`rspack failed:\n${messages}`);
  }
  for (const warning of info.warnings ?? []) console.warn(`rspack: ${warning.message}`);
  const assets = (info.entrypoints?.['bundle']?.assets ?? []).map((asset) => asset.name);
  const script = assets.find((name) => name.endsWith('.js'));
  if (!script) throw new Error('rspack produced no entry script');
  return { script, styles: assets.filter((name) => name.endsWith('.css')) };
}
