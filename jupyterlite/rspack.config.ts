/**
 * rspack configuration of the side-panel JupyterLite app: one entry, every plugin bundled
 * statically (no module federation), content-hashed file names under `build/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Configuration } from '@rspack/core';

import { SETTINGS_VALIDATORS_DIR } from './scripts/lib/paths';
import { bundleOutput, fromProject, moduleRules } from './scripts/lib/rspack-rules';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Stylesheets left out of the bundle (see the alias below). */
const FONT_AWESOME_STYLES = [
  '@fortawesome/fontawesome-free/css/all.min.css',
  '@fortawesome/fontawesome-free/css/v4-shims.min.css',
];

const UI_COMPONENTS_STYLE = '@jupyterlab/ui-components/style';

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
        // Font Awesome is imported by @jupyterlab/application's style for third-party extensions;
        // nothing in this app uses its classes, and its CSS inlines three SVG fonts as data URLs
        // (2.4 MB of the bundle, parsed and injected on every load).
        ...Object.fromEntries(FONT_AWESOME_STYLES.map((file) => [file, false as const])),
        // @jupyterlab/ui-components' base.css imports deprecated.css: 125 SVG icons inlined as CSS
        // variables for `.jp-*Icon` classes nothing here uses (79 kB); the four caret icons other
        // stylesheets use are defined in src/styles/caret-icons.css instead. Its settings-form
        // styles are for settings forms, which the side panel has none of.
        [fromProject(`${UI_COMPONENTS_STYLE}/deprecated.css`)]: path.join(
          here,
          'src/styles/caret-icons.css',
        ),
        [fromProject(`${UI_COMPONENTS_STYLE}/rjsfTemplates.css`)]: false,
      },
      fallback: { path: fromProject('path-browserify') },
    },
    module: { rules: moduleRules() },
    optimization: {
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      realContentHash: true,
      splitChunks: false,
    },
  };
}
