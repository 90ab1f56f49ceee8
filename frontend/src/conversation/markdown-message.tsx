// This stylesheet and rehype-katex's HTML must come from one katex (class names change between
// versions): the root package.json's "overrides" keeps rehype-katex on the frontend's katex, and
// scripts/check-single-versions.ts (in npm test) fails on a second copy.
import 'katex/dist/katex.min.css';
import './highlight.css';
import { memo, type AnchorHTMLAttributes } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block';
import { rehypeHighlightCode } from './rehype-highlight-code';
import { remarkDisplayMath } from './remark-display-math';

const remarkPlugins: Options['remarkPlugins'] = [remarkGfm, remarkMath, remarkDisplayMath];
const rehypePlugins: Options['rehypePlugins'] = [
  [rehypeKatex, { throwOnError: false, strict: 'ignore' }],
  rehypeHighlightCode,
];

/** Links leave the app in a new tab without handing it a reference to this window. */
function SafeLink({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="text-brand-700 underline"
    >
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href}>{children}</SafeLink>,
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table>{children}</table>
    </div>
  ),
};

interface MarkdownMessageProps {
  content: string;
}

/**
 * Tutor markdown: GFM, `$…$` / `$$…$$` maths (KaTeX), highlighted code with a copy button. Raw
 * HTML is never interpreted (no rehype-raw: it shows as text), and react-markdown's URL filter
 * drops `javascript:` and similar links.
 */
export const MarkdownMessage = memo(function MarkdownMessage({ content }: MarkdownMessageProps) {
  return (
    <div className="markdown-message">
      <Markdown remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {content}
      </Markdown>
    </div>
  );
});
