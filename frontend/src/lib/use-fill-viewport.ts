import { useLayoutEffect, useRef, useState } from 'react';

/**
 * Makes a page fill the window below whatever sits above it (the navbar; none above the compact
 * workspace), so that only its inner panes scroll. Returns the ref for the page's root and its
 * height.
 */
export function useFillViewport() {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(56);
  useLayoutEffect(() => {
    const measure = () => {
      if (ref.current) setTop(ref.current.getBoundingClientRect().top + window.scrollY);
    };
    measure();
    // A resize can also change what sits above (the compact layout's media query reports after
    // the resize event, and the navbar then changes): measure again once that has rendered.
    let frame = 0;
    const handleResize = () => {
      measure();
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    };
    window.addEventListener('resize', handleResize);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', handleResize);
    };
  }, []);
  return [ref, `calc(100dvh - ${Math.round(top)}px)`] as const;
}
