import { isValidElement, useRef, type ReactNode } from 'react';
import { useCopyText, type CopyState } from './use-copy-text';
import { useHorizontalOverflow, type Overflow } from './use-horizontal-overflow';

interface CodeBlockProps {
  children?: ReactNode;
}

/** The language from the `<code class="language-x">` that markdown puts inside a `<pre>`. */
function languageOf(children: ReactNode): string | null {
  if (!isValidElement<{ className?: string }>(children)) return null;
  const match = /language-([\w+#-]+)/.exec(children.props.className ?? '');
  return match?.[1] ?? null;
}

/**
 * A fenced code block with its language and a keyboard-accessible copy button. Long lines scroll
 * sideways (no wrapping: indentation is code): a fade marks the side with more to see, and a
 * block that scrolls can be focused and scrolled with the arrow keys.
 */
export function CodeBlock({ children }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copyState, handleCopy] = useCopyText(preRef);
  const [overflow, update] = useHorizontalOverflow(preRef);
  const language = languageOf(children);
  const scrolls = overflow.left || overflow.right;

  return (
    <div className="code-block my-3 overflow-hidden rounded-md border border-slate-200 bg-slate-50">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-100 px-3 py-1 text-xs text-slate-600">
        <span>{language ?? 'code'}</span>
        <CopyButton copyState={copyState} onCopy={handleCopy} />
      </div>
      <span className="sr-only" aria-live="polite">
        {copyState === 'copied' ? 'Code copied to the clipboard' : ''}
        {copyState === 'failed' ? 'Could not copy the code' : ''}
      </span>
      <div className="relative">
        <pre
          ref={preRef}
          onScroll={update}
          {...(scrolls
            ? {
                tabIndex: 0,
                role: 'region',
                'aria-label': `${language ?? 'Code'} block, scrolls sideways`,
              }
            : {})}
          className="overflow-x-auto p-3 text-sm leading-relaxed focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-700"
        >
          {children}
        </pre>
        <OverflowFades overflow={overflow} />
      </div>
    </div>
  );
}

function CopyButton({ copyState, onCopy }: { copyState: CopyState; onCopy: () => void }) {
  return (
    <button
      type="button"
      onClick={onCopy}
      className="rounded px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-200"
      aria-label={copyState === 'copied' ? 'Code copied' : 'Copy code'}
    >
      {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}

/** A fade on each side that hides part of a line. */
function OverflowFades({ overflow }: { overflow: Overflow }) {
  return (
    <>
      {overflow.left && (
        <span
          aria-hidden="true"
          data-testid="code-fade-left"
          className="pointer-events-none absolute inset-y-0 left-0 w-8 bg-linear-to-r from-slate-300/80 to-transparent"
        />
      )}
      {overflow.right && (
        <span
          aria-hidden="true"
          data-testid="code-fade-right"
          className="pointer-events-none absolute inset-y-0 right-0 w-8 bg-linear-to-l from-slate-300/80 to-transparent"
        />
      )}
    </>
  );
}
