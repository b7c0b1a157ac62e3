// One published question: for each segment, a bar chart and the table behind
// it, with the notes that explain its total. Sort order and nets are in the URL.
import { useCallback, useMemo, useState } from 'react';
import { SeriesSection } from './SeriesSection';
import type { Library, LibraryEntry } from '../state/models/library';
import { CompareSection } from './CompareSection';
import type { ViewState } from '../state/url/view';
import { HOME } from '../state/url/view';
import { hrefFor } from './useHashView';
import { BaseControls } from './BaseControls';
import { BoundsSection } from './BoundsSection';
import type { AnalystInput } from '../state/models/analyst';
import { questionPageMessages as Q } from '../core/messages';

interface Props {
  library: Library;
  entry: LibraryEntry;
  view: ViewState;
  navigate: (next: ViewState) => void;
}

export function QuestionPage({ library, entry, view, navigate }: Props) {
  const question = entry.questions.find((q) => q.id === view.question);
  // The base and design effect for margins of error, as the link holds them.
  const input = useMemo<AnalystInput>(
    () => ({ typed: view.marginBase ?? null, deff: view.deff ?? 1 }),
    [view.marginBase, view.deff],
  );
  // Ticked options as indexes into the question's canonical option list
  // (canonicalOptions), shared by all segments: SeriesSection maps its own rows.
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = useCallback((index: number) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      return next;
    });
  }, []);
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
        <a href={hrefFor({ ...HOME, page: 'survey', survey: entry.id })}>
          <bdi>{entry.title}</bdi>
        </a>
        {entry.publisher ? (
          <>
            {' · '}
            <bdi>{entry.publisher}</bdi>
          </>
        ) : null}{' '}
        · {entry.subtitle}
      </p>
      <h2>
        <bdi>{question.text}</bdi>
      </h2>
      {question.note ? (
        <p className="meta">
          {Q.note} <bdi>{question.note}</bdi>
        </p>
      ) : null}
      {entry.notice ? (
        <p className="banner notice">
          <bdi>{entry.notice}</bdi>
        </p>
      ) : null}
      <div className="toolbar" role="group" aria-label={Q.chartOptions}>
        <span>{Q.order}</span>
        <button
          type="button"
          className="btn"
          aria-pressed={view.sort === 'source'}
          onClick={() => navigate({ ...view, sort: 'source' })}
        >
          {Q.sortSource}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={view.sort === 'value'}
          onClick={() => navigate({ ...view, sort: 'value' })}
        >
          {Q.sortValue}
        </button>
        <button type="button" className="btn" disabled={selected.size < 2} onClick={addNet}>
          {Q.makeNet(selected.size)}
        </button>
        {view.nets.length > 0 ? (
          <button type="button" className="btn" onClick={() => navigate({ ...view, nets: [] })}>
            {Q.removeNets}
          </button>
        ) : null}
      </div>
      <BaseControls
        view={view}
        navigate={navigate}
        respondents={entry.table === null ? null : { weight: entry.table.weightId }}
      />
      {question.series.map((series, index) => (
        <SeriesSection
          key={series.segment ?? ''}
          entry={entry}
          question={question}
          series={series}
          sort={view.sort}
          nets={view.nets}
          selected={selected}
          onToggle={toggle}
          index={index}
          input={input}
        />
      ))}
      <BoundsSection entry={entry} question={question} />
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
