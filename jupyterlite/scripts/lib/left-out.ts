/**
 * What the app's bundle leaves out of the packages it bundles: code and styles of UI the side
 * panel does not have, as rspack aliases (to `false`, or to the small stubs in src/stubs, each of
 * which says which code path would have used the module and why the app never takes it) and
 * rules that resolve some packages' imports differently. test/build.test.ts checks that they stay
 * out of the built site.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

import type { RuleSetRule } from '@rspack/core';

import { fromProject } from './rspack-rules';

const STUBS_DIR = path.resolve(import.meta.dirname, '../../src/stubs');
const stub = (file: string) => path.join(STUBS_DIR, file);

/** Settings-form packages (src/stubs/rjsf.ts). */
const RJSF_PACKAGES = ['@rjsf/core', '@rjsf/utils', '@rjsf/validator-ajv8'];

const UI_COMPONENTS_STYLE = '@jupyterlab/ui-components/style';

/**
 * Font Awesome is imported by @jupyterlab/application's style for third-party extensions; nothing
 * here uses its classes, and its CSS inlines three SVG fonts as data URLs (2.4 MB of the bundle).
 */
const FONT_AWESOME_STYLES = [
  '@fortawesome/fontawesome-free/css/all.min.css',
  '@fortawesome/fontawesome-free/css/v4-shims.min.css',
];

/** Stylesheets of UI the side panel does not have. */
const UNUSED_STYLES = [
  // Settings forms (the settings editor and metadata form are not here).
  `${UI_COMPONENTS_STYLE}/rjsfTemplates.css`,
  // The licenses dialog, splash screen and table of contents (plugins disabled in src/plugins.ts),
  // and Lumino's data grid (no CSV or JSON viewer here).
  '@jupyterlab/apputils/style/licenses.css',
  '@jupyterlab/apputils-extension/style/splash.css',
  '@jupyterlab/application/style/datagrid.css',
  '@jupyterlab/notebook/style/toc.css',
];

/**
 * Icons (LabIcon SVG sources) of UI the side panel has not: Jupyter logos, side bar tabs, the
 * debugger, licenses, language servers, and file type and kernel logos (file browser, launcher,
 * tabs). They are replaced by an empty SVG (they would render blank, not fail). The icons of
 * notebooks, Markdown and plain files are kept, as are the toolbar, status and search icons.
 */
const UNUSED_ICON_DIRS = ['jupyter', 'sidebar', 'debugger', 'licenses', 'lsp'];
const KEPT_FILETYPE_ICONS = new Set(['file.svg', 'notebook.svg', 'markdown.svg']);

function unusedIcons(): string[] {
  const iconsDir = fromProject(`${UI_COMPONENTS_STYLE}/icons`);
  const inDir = (dir: string, keep: (file: string) => boolean = () => false) =>
    readdirSync(path.join(iconsDir, dir))
      .filter((file) => file.endsWith('.svg') && !keep(file))
      .map((file) => path.join(iconsDir, dir, file));
  return [
    ...UNUSED_ICON_DIRS.flatMap((dir) => inDir(dir)),
    ...inDir('filetype', (file) => KEPT_FILETYPE_ICONS.has(file)),
  ];
}

export function leftOutAliases(): Record<string, string | false> {
  return {
    ...Object.fromEntries(FONT_AWESOME_STYLES.map((file) => [file, false as const])),
    ...Object.fromEntries(UNUSED_STYLES.map((file) => [fromProject(file), false as const])),
    // @jupyterlab/ui-components' base.css imports deprecated.css: 125 SVG icons inlined as CSS
    // variables for `.jp-*Icon` classes nothing here uses (79 kB); the four caret icons other
    // stylesheets use are defined in src/styles/caret-icons.css instead.
    [fromProject(`${UI_COMPONENTS_STYLE}/deprecated.css`)]: path.resolve(
      STUBS_DIR,
      '../styles/caret-icons.css',
    ),
    ...Object.fromEntries(unusedIcons().map((file) => [file, stub('blank-icon.svg')])),
    ...Object.fromEntries(RJSF_PACKAGES.map((name) => [`${name}$`, stub('rjsf.ts')])),
    '@lezer/generator$': stub('lezer-generator.ts'),
    'vscode-ws-jsonrpc$': stub('vscode-ws-jsonrpc.ts'),
    '@jupyterlab/pluginmanager$': stub('pluginmanager.ts'),
    [fromProject('@jupyterlab/shortcuts-extension/lib/renderer')]: stub('shortcut-editor.ts'),
  };
}

/** Rules whose `resolve` applies to the imports of the modules they match. */
export function leftOutRules(): RuleSetRule[] {
  const nested = stub('html-nested-languages.ts');
  return [
    {
      test: /[\\/]@codemirror[\\/]lang-html[\\/]/,
      resolve: {
        alias: { '@codemirror/lang-javascript$': nested, '@codemirror/lang-css$': nested },
      },
    },
    {
      // sanitize-html (the rendermime sanitizer) uses htmlparser2's Parser and nothing else of its
      // index, which also brings DOM utilities and the HTML entity encoder.
      test: /[\\/]sanitize-html[\\/]/,
      resolve: { alias: { htmlparser2$: fromProject('htmlparser2/lib/Parser.js') } },
    },
  ];
}
