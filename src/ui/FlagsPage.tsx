// Every flag across the library in one table, so the questions that need a
// careful reader are one click away. Errors and warnings first.
import { useState } from 'react';
import { questionFlags, type Library } from '../state/models/library';
import { flagsPageMessages } from '../core/messages';
import { isolate } from '../core/format/bidi';
import { hrefFor } from './useHashView';
import { HOME } from '../state/url/view';
import { ScrollBox } from './ScrollBox';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function FlagsPage({ library }: { library: Library }) {
  const [severity, setSeverity] = useState<'all' | 'error' | 'warning' | 'info'>('all');
  // A multi-answer total over 100% is expected, not a problem: listed last, and can be hidden.
  const [showMulti, setShowMulti] = useState(true);
  const rows = library.entries
    .flatMap((entry) =>
      entry.questions.flatMap((q) =>
        // One row per flag and question: segments saying the same thing share it.
        questionFlags(q).map(({ flag, segments }) => ({
          entry,
          q,
          segment: segments.every((s) => s === null)
            ? null
            : flagsPageMessages.segments(
                segments.filter((s): s is string => s !== null).map((s) => isolate(s)),
              ),
          flag,
        })),
      ),
    )
    .filter((r) => severity === 'all' || r.flag.severity === severity)
    .filter((r) => showMulti || r.flag.code !== 'multi-total-over-100')
    .sort(
      (a, b) =>
        ORDER[a.flag.severity] - ORDER[b.flag.severity] ||
        Number(a.flag.code === 'multi-total-over-100') -
          Number(b.flag.code === 'multi-total-over-100'),
    );
  return (
    <>
      <h2>Flags across the library</h2>
      <p className="meta">
        Notes on totals and lists that a careful reader should know: multi-answer totals (expected),
        totals off 100%, partial lists, lower bounds and subgroup bases.
      </p>
      <div className="toolbar">
        <label>
          Show{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="all">all flags</option>
            <option value="error">errors</option>
            <option value="warning">warnings</option>
            <option value="info">notes</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={showMulti}
            onChange={(e) => setShowMulti(e.target.checked)}
          />{' '}
          Show multi-answer totals over 100% (expected, not problems)
        </label>
      </div>
      <ScrollBox label="Flags">
        <table className="data flags-table" data-testid="flags-table">
          <caption>{rows.length} flags</caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Survey</th>
              <th scope="col">Question</th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-flag={r.flag.code}>
                <td>
                  <span className={`flag ${r.flag.severity}`}>{r.flag.severity}</span>
                </td>
                <td>
                  <bdi>{r.entry.title}</bdi>
                </td>
                <td>
                  <a
                    href={hrefFor({
                      ...HOME,
                      page: 'question',
                      survey: r.entry.id,
                      question: r.q.id,
                    })}
                  >
                    <bdi>{r.q.text}</bdi>
                  </a>
                  {r.segment ? <div className="muted">{r.segment}</div> : null}
                </td>
                <td>
                  <bdi>{r.flag.message}</bdi> <span className="muted">({r.flag.code})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}
