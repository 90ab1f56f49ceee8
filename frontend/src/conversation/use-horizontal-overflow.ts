import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** Which sides of an element hold content cut off by its width. */
export interface Overflow {
  left: boolean;
  right: boolean;
}

const NO_OVERFLOW: Overflow = { left: false, right: false };

function measure(element: HTMLElement): Overflow {
  const hidden = element.scrollWidth - element.clientWidth;
  if (hidden <= 1) return NO_OVERFLOW;
  return { left: element.scrollLeft > 1, right: element.scrollLeft < hidden - 1 };
}

/**
 * The element's sideways overflow, measured after every render (a streamed answer grows) and
 * whenever it is resized; `update` measures again (on scroll).
 */
export function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): [Overflow, () => void] {
  const [overflow, setOverflow] = useState<Overflow>(NO_OVERFLOW);

  const update = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const next = measure(element);
    setOverflow((current) =>
      current.left === next.left && current.right === next.right ? current : next,
    );
  }, [ref]);

  useLayoutEffect(update);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, update]);

  return [overflow, update];
}
