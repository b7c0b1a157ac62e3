// One series of a published question (one segment): kind, total, notes, the
// chart, the table behind it, and its exports.
import { useCallback, useMemo, useRef } from 'react';
import type { LibraryEntry } from '../state/models/library';
import type { QuestionVM, SeriesVM } from '../state/models/questionModel';
import { netRowsFor } from '../state/models/questionView';
import { canonicalIndexes, canonicalOptions } from '../state/models/canonicalOptions';
import type { SortOrder } from '../state/url/view';
import { BarChart } from './BarChart';
import { barsFor } from './bars';
import { FlagList } from './Flags';
import { KindChip } from './KindChip';
import { QuestionExport } from './QuestionExport';
import { QuestionTable } from './QuestionTable';
import { isolate } from '../core/format/bidi';
import { analystMessages as AM, exportMessages, questionPageMessages as Q } from '../core/messages';
import {
  publishedSeriesOf,
  respondentsOf,
  seriesAnalyst,
  type AnalystInput,
} from '../state/models/analyst';

interface Props {
  entry: LibraryEntry;
  question: QuestionVM;
  series: SeriesVM;
  sort: SortOrder;
  /** Nets and the ticked options hold indexes into the question's canonical option list. */
  nets: number[][];
  selected: Set<number>;
  onToggle: (index: number) => void;
  /** The series' position in the question (its published series, for bases and intervals). */
  index: number;
  /** The base and design effect the user typed (from the link). */
  input: AnalystInput;
}

export function SeriesSection({
  entry,
  question,
  series,
  sort,
  nets,
  selected,
  onToggle,
  index,
  input,
}: Props) {
  const ref = useRef<HTMLElement>(null);
  // Bases from rounding and margins of error. Respondent data knows its base: no guessing.
  // Weighted respondent data: Kish's effective base, counted once per question (not per input).
  const respondents = useMemo(() => respondentsOf(entry, question), [entry, question]);
  const analyst = useMemo(() => {
    const published = publishedSeriesOf(entry, question, index);
    return published === null ? null : seriesAnalyst(published, input, respondents);
  }, [entry, question, index, input, respondents]);
  const intervals = analyst?.base ? analyst.intervals : null;
  const bars = useMemo(
    () =>
      barsFor(
        series,
        sort,
        (intervals ?? []).map((i) => i.interval),
      ),
    [series, sort, intervals],
  );
  // Data text isolated (FSI … PDI when it needs it): a label's U+202E cannot turn the words after it.
  const title = `${isolate(question.text)}${series.segment ? ` — ${isolate(series.segment)}` : ''}`;
  // Each part keeps its own ending ("…WeChat?"), and gets a full stop when it has none.
  const caption = [title, series.base ? exportMessages.base(series.base) : null, series.multiNote]
    .filter((part): part is string => Boolean(part))
    .map((part) => (/[.?!…]$/.test(part) ? part : `${part}.`))
    .join(' ');
  // The table speaks this series' own positions; the page speaks canonical
  // indexes, so a tick means the same label in every segment.
  const canonical = useMemo(() => canonicalOptions(question), [question]);
  const toCanonical = useMemo(() => canonicalIndexes(canonical, series), [canonical, series]);
  const ticked = useMemo(
    () =>
      new Set(
        series.options.filter((o) => selected.has(toCanonical[o.index] ?? -1)).map((o) => o.index),
      ),
    [series, selected, toCanonical],
  );
  const toggle = useCallback(
    (index: number) => {
      const i = toCanonical[index];
      if (i !== undefined && i >= 0) onToggle(i);
    },
    [toCanonical, onToggle],
  );
  const netRows = netRowsFor(series, nets, canonical);
  return (
    <section ref={ref} className="series" data-segment={series.segment ?? ''}>
      <h3>{series.segment === null ? Q.allAsked : <bdi>{series.segment}</bdi>}</h3>
      <div className="chips">
        <KindChip series={series} />
        <span className="chip" data-testid="total">
          {series.hasData ? Q.total(series.totalText) : series.totalText}
        </span>
        {series.base ? (
          <span className="muted">
            {Q.base} <bdi>{series.base}</bdi>
          </span>
        ) : null}
      </div>
      {series.multiNote ? (
        <p className="note" data-testid="multi-note">
          {series.multiNote}
        </p>
      ) : null}
      {analyst?.bases ? (
        <p
          className={`bases-statement${analyst.inference?.smallest === null ? ' none' : ''}`}
          data-testid="bases"
        >
          <strong>{AM.basesHeading}:</strong> {analyst.bases.join(' ')}
        </p>
      ) : null}
      {/* The statement above says what the no-consistent-base flag says. */}
      <FlagList
        flags={series.flags.filter(
          (f) =>
            f.code !== 'multi-total-over-100' &&
            !(f.code === 'no-consistent-base' && analyst?.bases),
        )}
      />
      {series.hasData ? (
        <>
          <BarChart
            bars={bars}
            title={title}
            description={Q.chartDescription(
              series.kind === 'multi',
              intervals ? AM.chartIntervals : null,
            )}
            caption={series.multiNote}
          />
          {analyst ? (
            <p className="interval-line" data-testid="interval-base">
              {analyst.uses}
              {analyst.effectiveLine ? ` ${analyst.effectiveLine}` : ''}
            </p>
          ) : null}
          <QuestionTable
            series={series}
            caption={caption}
            nets={netRows}
            selected={ticked}
            onToggle={toggle}
            intervals={intervals}
          />
          <QuestionExport
            entry={entry}
            question={question}
            series={series}
            nets={netRows}
            analyst={analyst}
            sectionRef={ref}
          />
        </>
      ) : (
        <p className="muted">{Q.noFigures}</p>
      )}
    </section>
  );
}
