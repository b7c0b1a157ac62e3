// Export one published series: the table as CSV, the chart as SVG or PNG.
// Each carries the title, question wording, base, notes and source.
import { useState, type RefObject } from 'react';
import { questionExport, tableToCsv } from '../core/export/csv';
import { distinctNotes, sourceLine } from '../core/export/question';
import { exportFileName } from '../core/export/fileName';
import { standaloneSvg, svgToPngBlob } from '../charts/export';
import type { LibraryEntry } from '../state/models/library';
import type { QuestionVM, SeriesVM } from '../state/models/questionModel';
import type { NetRow } from '../state/models/questionView';
import { downloadBlob, downloadText } from './download';
import { isolate } from '../core/format/bidi';
import { crosstabChartMessages, exportMessages, questionPageMessages as Q } from '../core/messages';
import { exportEnd, exportIntervalsLine, type SeriesAnalyst } from '../state/models/analyst';

interface Props {
  entry: LibraryEntry;
  question: QuestionVM;
  series: SeriesVM;
  nets: NetRow[];
  /** Bases and intervals: the export carries the intervals and says which base they use. */
  analyst: SeriesAnalyst | null;
  sectionRef: RefObject<HTMLElement | null>;
}

export function QuestionExport({ entry, question, series, nets, analyst, sectionRef }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  // The survey's notice ("Simulated respondents, not real data") goes with every export.
  const notes = distinctNotes(
    [
      entry.notice,
      question.note,
      series.multiNote,
      ...series.flags.filter((f) => f.code !== 'multi-total-over-100').map((f) => f.message),
    ].filter((n): n is string => Boolean(n)),
  );
  const base = series.base ? exportMessages.base(series.base) : null;
  const intervalsLine = analyst === null ? null : exportIntervalsLine(analyst);
  const intervals =
    analyst === null || intervalsLine === null
      ? null
      : {
          line: intervalsLine,
          ends: analyst.intervals.map((i) =>
            i.interval === null
              ? null
              : { low: exportEnd(i.interval.low), high: exportEnd(i.interval.high) },
          ),
        };
  // Each segment's exports get their own name: the segment is kept when the name is shortened.
  const name = (ext: string) => exportFileName([entry.title, question.text, series.segment], ext);
  const svg = () =>
    sectionRef.current?.querySelector<SVGSVGElement>('svg[data-testid="bar-chart"]') ?? null;
  const meta = () => ({
    title: entry.title,
    question: `${isolate(question.text)}${series.segment ? ` — ${isolate(series.segment)}` : ''}`,
    base,
    // The chart already carries the multi-answer note as its caption.
    notes: [
      ...(intervalsLine === null ? [] : [intervalsLine]),
      ...notes.filter((n) => n !== series.multiNote),
    ],
    source: sourceLine({
      surveyTitle: entry.title,
      publisher: entry.publisher,
      date: entry.date === null ? null : entry.dateText,
      source: entry.source,
    }),
  });
  const csv = () =>
    tableToCsv(
      questionExport({
        surveyTitle: entry.title,
        publisher: entry.publisher,
        date: entry.date,
        source: entry.source,
        sourceUrl: entry.sourceUrl,
        questionText: question.text,
        segment: series.segment,
        base: series.base,
        notes,
        options: series.options.map((o) => ({ label: o.label, text: o.text, rank: o.rank })),
        totalText: series.hasData ? series.totalText : null,
        nets: nets.map((n) => ({ label: n.label, text: n.text })),
        intervals,
      }),
      { bom: true },
    );
  return (
    <div className="toolbar" role="group" aria-label={Q.exportGroup}>
      <button type="button" className="btn" onClick={() => downloadText(name('csv'), csv())}>
        {Q.exportCsv}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => {
          const el = svg();
          if (el) downloadText(name('svg'), standaloneSvg(el, meta()).text, 'image/svg+xml');
        }}
      >
        {crosstabChartMessages.exportSvg}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => {
          const el = svg();
          if (!el) return;
          const out = standaloneSvg(el, meta());
          void svgToPngBlob(out.text, out.width, out.height, 2).then((r) => {
            if (r.ok) downloadBlob(name('png'), r.value);
            else setProblem(r.error.message);
          });
        }}
      >
        {crosstabChartMessages.exportPng}
      </button>
      {problem ? <span role="alert">{problem}</span> : null}
    </div>
  );
}
