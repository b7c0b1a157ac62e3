// Every flag across the library in one table, so the questions that need a
// careful reader are one click away. Errors and warnings first.
import { useState } from 'react';
import { questionFlags, type Library } from '../state/models/library';
import { flagsPageMessages as F } from '../core/messages';
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
            : F.segments(segments.filter((s): s is string => s !== null).map((s) => isolate(s))),
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
      <h2>{F.heading}</h2>
      <p className="meta">{F.intro}</p>
      <div className="toolbar">
        <label>
          {F.show}{' '}
          <select value={severity} onChange={(e) => setSeverity(e.target.value as typeof severity)}>
            <option value="all">{F.severityAll}</option>
            <option value="error">{F.severityError}</option>
            <option value="warning">{F.severityWarning}</option>
            <option value="info">{F.severityInfo}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={showMulti}
            onChange={(e) => setShowMulti(e.target.checked)}
          />{' '}
          {F.showMulti}
        </label>
      </div>
      <ScrollBox label={F.tableLabel}>
        <table className="data flags-table" data-testid="flags-table">
          <caption>{F.caption(rows.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{F.columnSeverity}</th>
              <th scope="col">{F.columnSurvey}</th>
              <th scope="col">{F.columnQuestion}</th>
              <th scope="col">{F.columnMeaning}</th>
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
