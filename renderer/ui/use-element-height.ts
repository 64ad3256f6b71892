import { useEffect, useState, type RefObject } from 'react';

/** Height of an element as it resizes: virtual tables need a number, not a CSS expression. */
export function useElementHeight(ref: RefObject<HTMLElement | null>, fallback = 480): number {
  const [height, setHeight] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.height > 0) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
