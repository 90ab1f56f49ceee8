import {
  isValidElement,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

interface CodeBlockProps {
  children?: ReactNode;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** Which sides of a code block hold lines cut off by its width. */
interface Overflow {
  left: boolean;
  right: boolean;
}

const NO_OVERFLOW: Overflow = { left: false, right: false };

/** The language from the `<code class="language-x">` that markdown puts inside a `<pre>`. */
function languageOf(children: ReactNode): string | null {
  if (!isValidElement<{ className?: string }>(children)) return null;
  const match = /language-([\w+#-]+)/.exec(children.props.className ?? '');
  return match?.[1] ?? null;
}

function measure(element: HTMLElement): Overflow {
  const hidden = element.scrollWidth - element.clientWidth;
  if (hidden <= 1) return NO_OVERFLOW;
  return { left: element.scrollLeft > 1, right: element.scrollLeft < hidden - 1 };
}

/**
 * A fenced code block with its language and a keyboard-accessible copy button. Long lines scroll
 * sideways (no wrapping: indentation is code): a fade marks the side with more to see, and a
 * block that scrolls can be focused and scrolled with the arrow keys.
 */
export function CodeBlock({ children }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const [overflow, setOverflow] = useState<Overflow>(NO_OVERFLOW);
  const language = languageOf(children);

  const update = useCallback(() => {
    const element = preRef.current;
    if (!element) return;
    const next = measure(element);
    setOverflow((current) =>
      current.left === next.left && current.right === next.right ? current : next,
    );
  }, []);

  // Measured after every render (a streamed answer grows) and whenever the pane is resized.
  useLayoutEffect(update);
  useEffect(() => {
    const element = preRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [update]);

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function handleCopy() {
    const text = preRef.current?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ''));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  const scrolls = overflow.left || overflow.right;

  return (
    <div className="code-block my-3 overflow-hidden rounded-md border border-slate-200 bg-slate-50">
      <div className="flex items-center justify-between border-b border-slate-200 bg-slate-100 px-3 py-1 text-xs text-slate-600">
        <span>{language ?? 'code'}</span>
        <button
          type="button"
          onClick={handleCopy}
          className="rounded px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-200"
          aria-label={copyState === 'copied' ? 'Code copied' : 'Copy code'}
        >
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
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
      </div>
    </div>
  );
}
