/**
 * rspack configuration of the side-panel JupyterLite app: one entry, every plugin bundled
 * statically (no module federation), content-hashed file names under `build/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Configuration, rspack } from '@rspack/core';

import { SETTINGS_VALIDATORS_DIR } from './scripts/lib/paths';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Stylesheets left out of the bundle (see the alias below). */
const FONT_AWESOME_STYLES = [
  '@fortawesome/fontawesome-free/css/all.min.css',
  '@fortawesome/fontawesome-free/css/v4-shims.min.css',
];

export interface AppConfigOptions {
  /** Directory the bundle is written to (the site's `build/` folder). */
  outputDir: string;
  /** Register the JavaScript test kernel (test builds only). */
  withTestKernel: boolean;
  mode?: 'production' | 'development';
}

export function createRspackConfig(options: AppConfigOptions): Configuration {
  const { outputDir, withTestKernel, mode = 'production' } = options;
  // Stylesheets go to one content-hashed .css file the lab page links: the browser parses it while
  // the script is still loading, instead of the script injecting <style> tags as it starts.
  const cssLoaders = [
    { loader: rspack.CssExtractRspackPlugin.loader },
    { loader: require_('css-loader'), options: { importLoaders: 0 } },
  ];
  return {
    mode,
    context: here,
    target: 'web',
    devtool: false,
    entry: { bundle: './src/main.ts' },
    output: {
      path: outputDir,
      publicPath: 'auto',
      filename: '[name].[contenthash:16].js',
      chunkFilename: '[name].[contenthash:16].js',
      assetModuleFilename: '[name].[contenthash:16][ext]',
      clean: true,
      hashFunction: 'xxhash64',
    },
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
      },
      fallback: { path: require_('path-browserify') },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'builtin:swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              target: 'es2022',
              transform: { react: { runtime: 'automatic' } },
            },
          },
          type: 'javascript/auto',
        },
        // `*.raw.css` is imported as text (the theme manager's scrollbar style), as in JupyterLab's
        // own build.
        { test: /\.raw\.css$/, type: 'asset/source' },
        { test: /\.css$/, exclude: /\.raw\.css$/, use: cssLoaders },
        // SVG icons: source text when imported from JS (LabIcon), inline data URL from CSS.
        { test: /\.svg$/, issuer: /\.css$/, type: 'asset/inline' },
        { test: /\.svg$/, issuer: { not: [/\.css$/] }, type: 'asset/source' },
        { resourceQuery: /raw/, type: 'asset/source' },
        { test: /\.(woff2?|ttf|eot|otf|png|gif|jpe?g)$/, type: 'asset/resource' },
        // The Pyodide kernel's wheels and their index: resources that keep their file names,
        // because `all.json` refers to the wheels by name.
        {
          test: /[\\/]@jupyterlite[\\/]pyodide-kernel[\\/]pypi[\\/]/,
          type: 'asset/resource',
          generator: { filename: 'pypi/[name][ext]' },
        },
        // The kernel's prebuilt worker scripts, loaded with `new URL(..., import.meta.url)`, without
        // their `new Function` (so that the worker runs without 'unsafe-eval').
        {
          test: /\.worker\.js$/,
          include: /[\\/]@jupyterlite[\\/]pyodide-kernel[\\/]/,
          type: 'asset/resource',
          use: [{ loader: path.join(here, 'scripts/lib/worker-import-loader.cjs') }],
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    optimization: {
      moduleIds: 'deterministic',
      chunkIds: 'deterministic',
      realContentHash: true,
      splitChunks: false,
    },
    performance: { hints: false },
    // Some browser packages mention __dirname; mock it quietly (no Node globals in the browser).
    node: { __dirname: 'mock', __filename: 'mock', global: true },
    plugins: [
      new rspack.CssExtractRspackPlugin({
        filename: '[name].[contenthash:16].css',
        chunkFilename: '[name].[contenthash:16].css',
      }),
    ],
    infrastructureLogging: { level: 'error' },
    stats: 'errors-warnings',
  };
}

/** Resolves a loader or module from this package's node_modules, wherever rspack runs from. */
function require_(name: string): string {
  return path.join(here, 'node_modules', name);
}
