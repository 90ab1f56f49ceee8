/**
 * Stands in for @codemirror/lang-javascript and @codemirror/lang-css where @codemirror/lang-html
 * imports them (scripts/lib/left-out.ts), to highlight JavaScript and CSS nested in HTML (`<script>`,
 * `<style>`, `on*` and `style` attributes). lang-html comes in with the Markdown mode (HTML in
 * Markdown cells); with these stubs such nested code stays plain text instead of bundling the
 * JavaScript and CSS parsers (~30 kB compressed) for it. JavaScript and CSS editors and fenced
 * code blocks still get the real modes, which JupyterLab's language registry loads lazily.
 */
import { emptyParser } from './lezer-generator';

// lang-html reads only `.parser` of these, and selects the top rules named here.
const plain = { parser: emptyParser(['SingleExpression', 'Styles']) };
const noSupport = () => ({ support: [] });

export const javascriptLanguage = plain;
export const typescriptLanguage = plain;
export const jsxLanguage = plain;
export const tsxLanguage = plain;
export const cssLanguage = plain;
export const javascript = noSupport;
export const css = noSupport;
