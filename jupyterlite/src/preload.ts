/**
 * Modules JupyterLab imports lazily but every notebook needs at start (the Python and Markdown
 * editor modes, the LaTeX mode of Markdown cells, the Markdown parser). Importing them here puts
 * them in the main bundle, so their `import()` resolves without a request each.
 */
import * as markdown from '@codemirror/lang-markdown';
import * as python from '@codemirror/lang-python';
import * as stex from '@codemirror/legacy-modes/mode/stex';
import * as marked from 'marked';
import * as gfmHeadingId from 'marked-gfm-heading-id';
import * as mangle from 'marked-mangle';

export const PRELOADED: readonly unknown[] = [markdown, python, stex, marked, gfmHeadingId, mangle];
