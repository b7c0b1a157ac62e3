// Thin React wrapper: the drawing lives in src/charts/bars.ts.
import { useEffect, useRef, useState } from 'react';
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

  useEffect(() => {
    const el = wrapRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(360, Math.min(900, Math.round(entry.contentRect.width))));
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
