/**
 * The stubs that stand in for modules left out of the bundle (scripts/lib/left-out.ts): each one
 * exports every name its importers import (so a package upgrade that imports more fails here, not
 * in the browser), and the parser stubs parse as the code they replace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildParser as compileGrammar } from '@lezer/generator';
import { configureNesting, parser as htmlParser } from '@lezer/html';
import { describe, expect, it } from 'vitest';

import { cssLanguage, javascriptLanguage } from '../src/stubs/html-nested-languages';
import { EMPTY_GRAMMAR, buildParser } from '../src/stubs/lezer-generator';

const NODE_MODULES = path.join(import.meta.dirname, '../node_modules');
const STUBS = path.join(import.meta.dirname, '../src/stubs');

/** The names `file` imports from `specifier` (`default` for a default import). */
function importedNames(file: string, specifier: string): string[] {
  const source = readFileSync(path.join(NODE_MODULES, file), 'utf8');
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const statement = new RegExp(
    `import\\s+(?:([\\w$]+)\\s*,?\\s*)?(?:\\{([^}]*)\\})?\\s*from\\s*['"]${quoted}['"]`,
    'g',
  );
  const names: string[] = [];
  for (const [, defaultName, named] of source.matchAll(statement)) {
    if (defaultName) names.push('default');
    for (const part of named?.split(',') ?? []) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

/** Each stub, with the modules that import what it replaces and the specifier they import. */
const IMPORTERS: Array<[string, Array<[string, string]>]> = [
  [
    'rjsf.ts',
    [
      ['@jupyterlab/ui-components/lib/components/form.js', '@rjsf/core'],
      ['@jupyterlab/ui-components/lib/components/form.js', '@rjsf/utils'],
      ['@jupyterlab/codemirror-extension/lib/services.js', '@rjsf/validator-ajv8'],
      ['@jupyterlab/metadataform/lib/form.js', '@rjsf/validator-ajv8'],
    ],
  ],
  ['lezer-generator.ts', [['@jupyterlab/codemirror/lib/language.js', '@lezer/generator']]],
  [
    'vscode-ws-jsonrpc.ts',
    [['@jupyterlab/lsp/lib/ws-connection/ws-connection.js', 'vscode-ws-jsonrpc']],
  ],
  [
    'pluginmanager.ts',
    [
      ['@jupyterlite/apputils/lib/pluginmanager.js', '@jupyterlab/pluginmanager'],
      ['@jupyterlite/apputils-extension/lib/index.js', '@jupyterlab/pluginmanager'],
    ],
  ],
  ['shortcut-editor.ts', [['@jupyterlab/shortcuts-extension/lib/index.js', './renderer']]],
  [
    'html-nested-languages.ts',
    [
      ['@codemirror/lang-html/dist/index.js', '@codemirror/lang-javascript'],
      ['@codemirror/lang-html/dist/index.js', '@codemirror/lang-css'],
    ],
  ],
];

describe('the stubs of modules left out of the bundle', () => {
  it.each(IMPORTERS)('%s exports every name its importers import', async (stub, importers) => {
    const exported = Object.keys(
      (await import(/* @vite-ignore */ path.join(STUBS, stub))) as object,
    );
    for (const [file, specifier] of importers) {
      const names = importedNames(file, specifier);
      expect(names, `${file} imports from ${specifier}`).not.toHaveLength(0);
      for (const name of names) expect(exported, `${file} imports ${name}`).toContain(name);
    }
  });

  it("builds the empty grammar's parser as lezer-generator does, and no other", () => {
    const compiled = compileGrammar(EMPTY_GRAMMAR);
    const ours = buildParser(EMPTY_GRAMMAR);
    expect(ours.nodeSet.types.map((type) => type.name)).toEqual(
      compiled.nodeSet.types.map((type) => type.name),
    );
    for (const text of ['', 'print(1)\n', '<b>x</b>']) {
      expect(ours.parse(text).toString()).toBe(compiled.parse(text).toString());
    }
    expect(() => buildParser('@top Program { "x" }')).toThrow(/No grammar compiler/);
  });

  it('lets HTML nest the stand-in JavaScript and CSS parsers as lang-html does', () => {
    const json = javascriptLanguage.parser.configure({ top: 'SingleExpression' });
    const nesting = configureNesting(
      [
        { tag: 'script', parser: javascriptLanguage.parser },
        { tag: 'script', attrs: (attrs) => attrs['type'] === 'importmap', parser: json },
        { tag: 'style', parser: cssLanguage.parser },
      ],
      [{ name: 'style', parser: cssLanguage.parser.configure({ top: 'Styles' }) }],
    );
    const html = htmlParser.configure({ wrap: nesting });
    const text = '<script>let a = 1;</script><style>b { c: d }</style><i style="e: f">g</i>';
    const tree = html.parse(text);
    expect(tree.length).toBe(text.length);
    // The script and style are mounted as the empty grammar's tree: plain text, as in JupyterLab's
    // plain-text mode.
    expect(tree.toString().match(/Element\(OpenTag\([^)]*\),Program/g)).toHaveLength(2);
  });
});
