// One published question: for each segment, a bar chart and the table behind
// it, with the notes that explain its total. Sort order and nets are in the URL.
import { useCallback, useMemo, useState } from 'react';
import type { Library, LibraryEntry } from '../state/library';
import { CompareSection } from './CompareSection';
import type { ViewState } from '../state/view';
import { HOME } from '../state/view';
import { hrefFor } from './useHashView';
import { FlagList } from './Flags';
import { KindChip } from './KindChip';
import { BarChart } from './BarChart';
import { QuestionTable } from './QuestionTable';
import { netRowsFor } from '../state/questionView';
import { barsFor } from './bars';

interface Props {
  library: Library;
  entry: LibraryEntry;
  view: ViewState;
  navigate: (next: ViewState) => void;
}

export function QuestionPage({ library, entry, view, navigate }: Props) {
  const question = entry.questions.find((q) => q.id === view.question);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = useCallback((index: number) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);
  const sortedNets = useMemo(() => view.nets, [view.nets]);
  if (!question) return null;

  const addNet = () => {
    const net = [...selected].sort((a, b) => a - b);
    if (net.length < 2) return;
    navigate({ ...view, nets: [...view.nets, net] });
    setSelected(new Set());
  };

  return (
    <article>
      <p className="meta">
        <a href={hrefFor({ ...HOME, page: 'survey', survey: entry.id })}>{entry.title}</a>
        {entry.publisher ? ` · ${entry.publisher}` : ''} · {entry.dateText}
      </p>
      <h2>{question.text}</h2>
      {question.note ? <p className="meta">Note: {question.note}</p> : null}
      {entry.notice ? <p className="banner notice">{entry.notice}</p> : null}
      <div className="toolbar" role="group" aria-label="Chart options">
        <span>Order:</span>
        <button
          type="button"
          className="btn"
          aria-pressed={view.sort === 'source'}
          onClick={() => navigate({ ...view, sort: 'source' })}
        >
          As published
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={view.sort === 'value'}
          onClick={() => navigate({ ...view, sort: 'value' })}
        >
          By value
        </button>
        <button type="button" className="btn" disabled={selected.size < 2} onClick={addNet}>
          Make a net of {selected.size} selected
        </button>
        {view.nets.length > 0 ? (
          <button type="button" className="btn" onClick={() => navigate({ ...view, nets: [] })}>
            Remove nets
          </button>
        ) : null}
      </div>
      {question.series.map((series) => {
        const heading = series.segment ?? 'All who were asked';
        const caption = [
          `${question.text}${series.segment ? ` — ${series.segment}` : ''}`,
          series.base ? `Base: ${series.base}` : null,
          series.multiNote,
        ]
          .filter(Boolean)
          .map((part) => String(part).replace(/[.?!]$/, ''))
          .join('. ');
        return (
          <section
            key={series.segment ?? ''}
            className="series"
            data-segment={series.segment ?? ''}
          >
            <h3>{heading}</h3>
            <div className="chips">
              <KindChip series={series} />
              <span className="chip" data-testid="total">
                {series.hasData ? `Total ${series.totalText}` : series.totalText}
              </span>
              {series.base ? <span className="muted">Base: {series.base}</span> : null}
            </div>
            {series.multiNote ? (
              <p className="note" data-testid="multi-note">
                {series.multiNote}
              </p>
            ) : null}
            <FlagList flags={series.flags.filter((f) => f.code !== 'multi-total-over-100')} />
            {series.hasData ? (
              <>
                <BarChart
                  bars={barsFor(series, view.sort)}
                  title={`${question.text}${series.segment ? ` — ${series.segment}` : ''}`}
                  description={`Horizontal bars, one per option, percent of ${series.kind === 'multi' ? 'respondents (multiple answers allowed)' : 'answers'}. The table below holds the same figures.`}
                  caption={series.multiNote}
                />
                <QuestionTable
                  series={series}
                  caption={caption}
                  nets={netRowsFor(series, sortedNets)}
                  selected={selected}
                  onToggle={toggle}
                />
              </>
            ) : (
              <p className="muted">No figures are recorded for this question.</p>
            )}
          </section>
        );
      })}
      <CompareSection
        library={library}
        entry={entry}
        question={question}
        view={view}
        navigate={navigate}
      />
    </article>
  );
}
