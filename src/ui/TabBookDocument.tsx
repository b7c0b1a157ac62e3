// The tab book as one scrollable document: what the book is, its contents
// (links to each table), then each table — Total first, each banner group over
// its lettered columns, the bases, the answers with their letters, the means —
// with its base line and what was tested under it, and a chart on request.
// Tables arrive one by one while the book is built. A table's grid is drawn
// when it comes near the window (or the page is printed), so a book of many
// tables costs the page only what the reader looks at.
import { memo, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import type { TabTable } from '../core/tabs/types';
import { tabBookMessages as M } from '../core/messages';
import type { LibraryEntry } from '../state/models/library';
import { crosstabChartExport, tabChartModel } from '../state/models/crosstabChartModel';
import { bookVM, contentsVM, tableVM, type BookVM } from '../state/models/tabBook';
import type { BookHead } from '../state/models/tabBookBuild';
import { CrosstabChart } from './CrosstabChart';
import { ScrollBox } from './ScrollBox';

interface Props {
  entry: LibraryEntry;
  head: BookHead;
  /** The tables built so far, in order. */
  tables: readonly TabTable[];
}

/** Follow a contents link without leaving the view: the address holds the view, not the anchor. */
function goTo(event: MouseEvent<HTMLAnchorElement>, anchor: string): void {
  const target = document.getElementById(anchor);
  if (target === null) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'start' });
  target.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
}

/** How far outside the window a table's grid is drawn in advance (px). */
const NEAR = '800px 0px';

export function TabBookDocument({ entry, head, tables }: Props) {
  const book = useMemo(() => bookVM(head), [head]);
  const contents = contentsVM(tables);
  // Printing draws every table (the browser lays the pages out right after this event).
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const all = () => flushSync(() => setPrinting(true));
    window.addEventListener('beforeprint', all);
    return () => window.removeEventListener('beforeprint', all);
  }, []);
  return (
    <article className="tabbook-document" data-testid="tabbook-document">
      <header className="tabbook-book-lines">
        <h3 className="tabbook-title">
          <bdi>{book.title}</bdi>
        </h3>
        {book.notice !== null ? (
          <p className="banner notice">
            <bdi>{book.notice}</bdi>
          </p>
        ) : null}
        <ul className="stats-notes" data-testid="tabbook-lines">
          {book.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </header>
      <nav className="tabbook-contents" aria-label={M.contents} data-testid="tabbook-contents">
        <h3>{M.contents}</h3>
        <ul>
          {contents.map((c) => (
            <li key={c.anchor}>
              <a href={`#${c.anchor}`} onClick={(e) => goTo(e, c.anchor)}>
                <bdi>{c.title}</bdi>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tables.map((t, k) => (
        <TabTableView
          key={k}
          entry={entry}
          head={head}
          book={book}
          table={t}
          index={k}
          all={printing}
        />
      ))}
    </article>
  );
}

interface TableProps {
  entry: LibraryEntry;
  head: BookHead;
  book: BookVM;
  table: TabTable;
  index: number;
  /** Draw the grid wherever the table is (printing). */
  all: boolean;
}

const TabTableView = memo(function TabTableView({
  entry,
  head,
  book,
  table,
  index,
  all,
}: TableProps) {
  const vm = useMemo(() => tableVM(head, table, index), [head, table, index]);
  const ref = useRef<HTMLElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || el === null) return;
    const watch = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          watch.disconnect();
        }
      },
      { rootMargin: NEAR },
    );
    watch.observe(el);
    return () => watch.disconnect();
  }, [near]);
  const drawn = near || all;
  const [chart, setChart] = useState(false);
  const chartModel = useMemo(
    () => (chart ? tabChartModel({ ...head, tables: [table] }, table) : null),
    [chart, head, table],
  );
  const { header } = book;
  const headingId = `${vm.anchor}-h`;
  return (
    <section
      ref={ref}
      id={vm.anchor}
      className="tabbook-table"
      aria-labelledby={headingId}
      data-testid="tabbook-table"
      data-question={vm.questionId}
    >
      <h3 id={headingId} tabIndex={-1}>
        <bdi>{vm.title}</bdi>
      </h3>
      {drawn ? null : (
        <div
          className="tabbook-placeholder"
          aria-hidden="true"
          style={{ height: 110 + 34 * vm.rows.length }}
        />
      )}
      {drawn ? (
        <ScrollBox label={M.tableCaption(vm.number)}>
          <table className="data tabbook">
            <caption className="visually-hidden">
              <bdi>{vm.title}</bdi>
            </caption>
            <thead>
              <tr>
                <td />
                {header.groups.map((g, k) => (
                  <th key={k} scope="colgroup" colSpan={g.span} className="group">
                    <bdi>{g.text}</bdi>
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">{M.questionColumn}</th>
                {header.columns.map((c, k) => (
                  <th key={k} scope="col" className={c.groupStart ? 'num group-start' : 'num'}>
                    <bdi>{c.label}</bdi>
                  </th>
                ))}
              </tr>
              {header.lettered ? (
                <tr className="letters">
                  <th scope="row">{M.lettersRowLabel}</th>
                  {header.columns.map((c, k) => (
                    <td key={k} className={c.groupStart ? 'num group-start' : 'num'}>
                      {c.letter === null ? '' : `(${c.letter})`}
                    </td>
                  ))}
                </tr>
              ) : null}
            </thead>
            <tbody>
              {vm.rows.map((r, k) => (
                <tr key={k} className={`row-${r.kind}`} data-kind={r.kind}>
                  <th scope="row">
                    <bdi>{r.label}</bdi>
                  </th>
                  {r.cells.map((cell, c) => (
                    <td
                      key={c}
                      className={header.columns[c]?.groupStart ? 'num group-start' : 'num'}
                    >
                      {cell.text}
                      {cell.small ? <span title={M.smallBase}>*</span> : null}
                      {cell.letters !== '' ? <span className="sig"> {cell.letters}</span> : null}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      ) : null}
      <ul className="stats-notes tabbook-notes">
        <li data-testid="base-line">{vm.baseLine}</li>
        {vm.testLines.map((line) => (
          <li key={line} data-testid="test-line">
            {line}
          </li>
        ))}
        {vm.notes.map((note) => (
          <li key={note} className="muted">
            {note}
          </li>
        ))}
      </ul>
      {vm.type !== 'numeric' ? (
        <div className="toolbar tabbook-chart-toggle">
          <button
            type="button"
            className="btn"
            aria-pressed={chart}
            onClick={() => setChart((on) => !on)}
          >
            {M.chartToggle}
          </button>
        </div>
      ) : null}
      {chartModel !== null ? (
        <CrosstabChart
          model={chartModel}
          heading={M.chartHeading(vm.number)}
          {...crosstabChartExport(
            entry,
            vm.questionText,
            book.header.groups.length > 1 ? M.bannerWord : null,
          )}
        />
      ) : null}
    </section>
  );
});
