// Thin React wrapper: the drawing lives in src/charts/bars.ts.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { drawBars, type Bar } from '../charts/bars';

interface Props {
  bars: Bar[];
  title: string;
  description: string;
  caption: string | null;
}

export function BarChart({ bars, title, description, caption }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(760);

  // The chart is as wide as the box it is given (a phone's 360 px or a desktop's 900),
  // measured before the first paint and again whenever the box changes size.
  useLayoutEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const fit = (w: number) => setWidth(Math.max(240, Math.min(900, Math.floor(w))));
    fit(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) fit(entry.contentRect.width);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (svgRef.current) drawBars(svgRef.current, bars, { width, title, description, caption });
  }, [bars, width, title, description, caption]);

  return (
    <div ref={wrapRef} className="chart">
      <svg ref={svgRef} data-testid="bar-chart" />
    </div>
  );
}
