import type { Element, ElementContent, Root, RootContent } from 'hast';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import { createLowlight } from 'lowlight';

/*
 * Syntax highlighting for fenced code with a language, for a few languages only. rehype-highlight
 * would do the same, but it imports lowlight's `common` set (37 grammars) whatever languages it is
 * given, which the bundler cannot drop; this keeps only the five grammars below.
 */
const lowlight = createLowlight({ bash, javascript, json, plaintext, python });
lowlight.registerAlias({ python: ['py3', 'python3', 'ipython'], bash: ['shell', 'console'] });

function languageOf(code: Element): string | null {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return null;
  for (const value of classes) {
    const name = String(value);
    if (name.startsWith('language-')) return name.slice('language-'.length).toLowerCase();
  }
  return null;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function highlight(pre: Element): void {
  const code = pre.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  if (!code) return;
  const language = languageOf(code);
  // `math` fences belong to KaTeX; unknown languages stay plain text.
  if (language === null || !lowlight.registered(language)) return;
  const result = lowlight.highlight(language, code.children.map(textOf).join(''), {
    prefix: 'hljs-',
  });
  const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
  code.properties.className = ['hljs', ...classes];
  code.children = result.children as ElementContent[];
}

function walk(node: Root | RootContent): void {
  if (node.type !== 'root' && node.type !== 'element') return;
  if (node.type === 'element' && node.tagName === 'pre') {
    highlight(node);
    return;
  }
  for (const child of node.children) walk(child);
}

/** Rehype plugin: highlights `<pre><code class="language-x">` for the registered languages. */
export function rehypeHighlightCode() {
  return (tree: Root) => walk(tree);
}
