import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Makes a page fill the window below whatever sits above it (the navbar wraps on small screens), so
 * that only its inner panes scroll. Returns the ref for the page's root and its height.
 */
export function useFillViewport() {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(56);
  useLayoutEffect(() => {
    const measure = () => {
      if (ref.current) setTop(ref.current.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return [ref, `calc(100dvh - ${Math.round(top)}px)`] as const;
}
