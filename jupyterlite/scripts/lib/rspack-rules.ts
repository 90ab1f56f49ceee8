/**
 * rspack module rules and output settings for a JupyterLab application bundled statically: our
 * app's build (rspack.config.ts) and the stock lab the benchmark builds for comparison
 * (bench/lib/stock-lab.ts) both use them, so the two bundles differ in their plugins, not in how
 * files are loaded or written.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Configuration, type RuleSetRule, rspack } from '@rspack/core';

/** rspack itself, for builds outside this package (the benchmark's stock lab has no rspack). */
export { rspack, type Stats } from '@rspack/core';

/** The jupyterlite/ package, whose node_modules hold the loaders. */
const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Resolves a loader or module from jupyterlite/node_modules, wherever rspack runs from. */
export function fromProject(name: string): string {
  return path.join(PROJECT_DIR, 'node_modules', name);
}

export function moduleRules(): RuleSetRule[] {
  // Stylesheets go to one content-hashed .css file the lab page links: the browser parses it while
  // the script is still loading, instead of the script injecting <style> tags as it starts.
  const cssLoaders = [
    { loader: rspack.CssExtractRspackPlugin.loader },
    { loader: fromProject('css-loader'), options: { importLoaders: 0 } },
  ];
  return [
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
      use: [{ loader: path.join(PROJECT_DIR, 'scripts/lib/worker-import-loader.cjs') }],
    },
    { test: /\.m?js$/, resolve: { fullySpecified: false } },
  ];
}

/**
 * How both builds write their files (content-hashed names under `outputDir`, one extracted
 * stylesheet) and what they mock of Node; each adds its entry, resolution and optimisation.
 */
export function bundleOutput(outputDir: string): Configuration {
  return {
    target: 'web',
    devtool: false,
    output: {
      path: outputDir,
      publicPath: 'auto',
      filename: '[name].[contenthash:16].js',
      chunkFilename: '[name].[contenthash:16].js',
      assetModuleFilename: '[name].[contenthash:16][ext]',
      clean: true,
      hashFunction: 'xxhash64',
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
