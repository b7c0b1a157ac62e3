// The width a chart is drawn to: the width of the box it is given (a phone's
// 360 px or a desktop's 900), measured before the first paint and again
// whenever the box changes size, within [240, max] pixels.
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useChartWidth(ref: RefObject<HTMLElement | null>, max = 900): number {
  const [width, setWidth] = useState(Math.min(760, max));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = (w: number) => setWidth(Math.max(240, Math.min(max, Math.floor(w))));
    fit(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) fit(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, max]);
  return width;
}
