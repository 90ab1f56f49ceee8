import { isValidElement, useEffect, useRef, useState, type ReactNode } from 'react';

interface CodeBlockProps {
  children?: ReactNode;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** The language from the `<code class="language-x">` that markdown puts inside a `<pre>`. */
function languageOf(children: ReactNode): string | null {
  if (!isValidElement<{ className?: string }>(children)) return null;
  const match = /language-([\w+#-]+)/.exec(children.props.className ?? '');
  return match?.[1] ?? null;
}

/** A fenced code block with its language and a keyboard-accessible copy button. */
export function CodeBlock({ children }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const language = languageOf(children);

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
      <pre ref={preRef} className="overflow-x-auto p-3 text-sm leading-relaxed">
        {children}
      </pre>
    </div>
  );
}
