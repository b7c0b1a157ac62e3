// The chart of a crosstab or of one tab-book table, under its table: a thin
// wrapper around src/charts/crosstabChart.ts, with Export SVG and Export PNG
// through the question charts' export path (charts/export.ts, ./download).
// The table above is the chart's text alternative, and a line says so.
import { useEffect, useId, useRef, useState } from 'react';
import { crosstabChartTitle, drawCrosstabChart } from '../charts/crosstabChart';
import { crosstabChartMessages as M } from '../core/messages';
import { standaloneSvg, svgToPngBlob, type SvgExportMeta } from '../charts/export';
import { exportFileName } from '../core/export/fileName';
import type { ChartExport, CrosstabChartModel } from '../state/models/crosstabChartModel';
import { downloadBlob, downloadText } from './download';
import { useChartWidth } from './useChartWidth';

interface Props extends ChartExport {
  model: CrosstabChartModel;
  /** The heading above the chart; default "Chart". */
  heading?: string;
}

export function CrosstabChart({ model, fileParts, meta, heading = M.heading }: Props) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const width = useChartWidth(wrapRef, 1000);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const title = crosstabChartTitle(model);

  useEffect(() => {
    if (svgRef.current) drawCrosstabChart(svgRef.current, model, { width });
  }, [model, width]);

  const name = (ext: string) => exportFileName(fileParts, ext);
  const exportMeta = (): SvgExportMeta => ({ ...meta, question: title });
  const exportSvg = () => {
    const el = svgRef.current;
    if (el) downloadText(name('svg'), standaloneSvg(el, exportMeta()).text, 'image/svg+xml');
  };
  const exportPng = () => {
    const el = svgRef.current;
    if (!el) return;
    setProblem(null);
    const out = standaloneSvg(el, exportMeta());
    void svgToPngBlob(out.text, out.width, out.height, 2).then((r) => {
      if (r.ok) downloadBlob(name('png'), r.value);
      else setProblem(r.error.message);
    });
  };

  return (
    <section className="crosstab-chart" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <p className="muted" id={`${id}-table`} data-testid="crosstab-chart-table-note">
        {model.tableShows === null ? M.tableSame : M.tableOther(model.tableShows)}
      </p>
      <div ref={wrapRef} className="chart">
        <svg ref={svgRef} data-testid="crosstab-chart" aria-describedby={`${id}-table`} />
      </div>
      <div className="toolbar" role="group" aria-label={M.exportGroup}>
        <button type="button" className="btn" onClick={exportSvg}>
          {M.exportSvg}
        </button>
        <button type="button" className="btn" onClick={exportPng}>
          {M.exportPng}
        </button>
        {problem ? <span role="alert">{problem}</span> : null}
      </div>
    </section>
  );
}
