/**
 * rspack configuration of the side-panel JupyterLite app: one entry, every plugin bundled
 * statically (no module federation), content-hashed file names under `build/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Configuration } from '@rspack/core';

import { SETTINGS_VALIDATORS_DIR } from './scripts/lib/paths';
import { leftOutAliases, leftOutRules } from './scripts/lib/left-out';
import { bundleOutput, fromProject, moduleRules } from './scripts/lib/rspack-rules';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AppConfigOptions {
  /** Directory the bundle is written to (the site's `build/` folder). */
  outputDir: string;
  /** Register the JavaScript test kernel (test builds only). */
  withTestKernel: boolean;
  mode?: 'production' | 'development';
}

export function createRspackConfig(options: AppConfigOptions): Configuration {
  const { outputDir, withTestKernel, mode = 'production' } = options;
  return {
    ...bundleOutput(outputDir),
    mode,
    context: here,
    entry: { bundle: './src/main.ts' },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      alias: {
        '@tutor/extra-plugins': path.join(
          here,
          withTestKernel ? 'src/test-kernel/index.ts' : 'src/test-kernel/none.ts',
        ),
        // Written by scripts/build.ts before bundling (scripts/lib/settings-validators.ts).
        '@tutor/settings-validators': path.join(SETTINGS_VALIDATORS_DIR, 'index.cjs'),
        // Modules and styles of UI the side panel has not (scripts/lib/left-out.ts).
        ...leftOutAliases(),
      },
      fallback: { path: fromProject('path-browserify') },
    },
    module: { rules: [...moduleRules(), ...leftOutRules()] },
    optimization: {
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      realContentHash: true,
      splitChunks: false,
    },
  };
}
