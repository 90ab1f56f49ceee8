import { useEffect, useState, type RefObject } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies the element's text (without its last newline); the result shows for 2 s. */
export function useCopyText(ref: RefObject<HTMLElement | null>): [CopyState, () => Promise<void>] {
  const [copyState, setCopyState] = useState<CopyState>('idle');

  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copyState]);

  async function copy() {
    const text = ref.current?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ''));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return [copyState, copy];
}
