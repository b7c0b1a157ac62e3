// Options by segment or wave: percents side by side with the difference in
// points and the index against the first column. Each column keeps its flags.
// Where both columns have a base, each difference gets its two-proportion test
// (core/compare/published.ts) in a column of its own; where one has none, the
// column says it is not testable, and no mark is shown.
import {
  comparePublished,
  type CompareColumn,
  type ProportionTest,
} from '../core/compare/published';
import { formatNumber, formatP } from '../core/format/number';
import { formatPercent } from '../core/format/percent';
import { analystMessages as AM, questionPageMessages as Q } from '../core/messages';
import type { FlagVM } from '../state/models/questionModel';
import { ScrollBox } from './ScrollBox';

export interface CompareInput extends CompareColumn {
  flags: FlagVM[];
}

const signed = (n: number, d: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), d)}`;

const hasBase = (n: number | null | undefined) => n !== null && n !== undefined && n > 0;

/** A test's cell: what it found, or why there is none. */
function testText(t: ProportionTest | null): { text: string; significant: boolean } {
  if (t === null) return { text: '', significant: false };
  if ('untestable' in t) {
    return {
      text:
        t.untestable === 'lower-bound'
          ? AM.untestableLowerBound
          : t.untestable === 'no-variance'
            ? AM.untestableNoVariance
            : AM.notTestable,
      significant: false,
    };
  }
  const p = formatP(t.p);
  return t.significant
    ? { text: AM.significant(p), significant: true }
    : { text: AM.notSignificant(p), significant: false };
}

export function CompareTable({ columns, caption }: { columns: CompareInput[]; caption: string }) {
  const c = comparePublished(columns);
  const refBase = columns[c.reference]?.baseN;
  // A column is tested against the reference only when both have a base.
  const testable = columns.map(
    (col, i) => i !== c.reference && hasBase(col.baseN) && hasBase(refBase),
  );
  const span = (i: number) => (i === c.reference ? 1 : testable[i] ? 4 : 3);
  return (
    <ScrollBox label={caption}>
      <table className="data" data-testid="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{Q.compareOption}</th>
            {c.columns.map((name, i) => (
              <th key={`${name}-${i}`} scope="col" className="num" colSpan={span(i)}>
                <bdi>{name}</bdi>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" />
            {c.columns.map((name, i) =>
              i === c.reference ? (
                <th key={`${name}-${i}`} scope="col" className="num">
                  %
                </th>
              ) : (
                [
                  <th key={`${name}-${i}-p`} scope="col" className="num">
                    %
                  </th>,
                  <th key={`${name}-${i}-d`} scope="col" className="num" title={Q.compareDiffTitle}>
                    {Q.compareDiff}
                  </th>,
                  <th
                    key={`${name}-${i}-x`}
                    scope="col"
                    className="num"
                    title={Q.compareIndexTitle}
                  >
                    {Q.compareIndex}
                  </th>,
                  testable[i] ? (
                    <th key={`${name}-${i}-t`} scope="col" title={AM.testHeaderTitle}>
                      {AM.testHeader}
                    </th>
                  ) : null,
                ]
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {c.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                <bdi>{row.label}</bdi>
              </th>
              {row.cells.map((cell, i) => {
                const pct =
                  cell.value === null
                    ? '—'
                    : `${formatPercent(cell.value, cell.decimals).replace('%', '')}${cell.lowerBound ? '+' : ''}%`;
                if (i === c.reference) {
                  return (
                    <td key={i} className="num">
                      {pct}
                    </td>
                  );
                }
                const test = testable[i] ? testText(cell.test) : null;
                return [
                  <td key={`${i}-p`} className="num">
                    {pct}
                  </td>,
                  <td key={`${i}-d`} className={test?.significant ? 'num sig' : 'num'}>
                    {cell.diff === null ? '' : signed(cell.diff, cell.decimals)}
                  </td>,
                  <td key={`${i}-x`} className="num">
                    {cell.index === null ? '' : formatNumber(cell.index, 1)}
                  </td>,
                  test === null ? null : (
                    <td
                      key={`${i}-t`}
                      className={test.significant ? 'test sig' : 'test'}
                      data-testid="compare-test"
                    >
                      {test.significant ? <strong>{test.text}</strong> : test.text}
                    </td>
                  ),
                ];
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{Q.compareNotes}</th>
            {columns.map((col, i) => (
              <td key={i} colSpan={span(i)} className="muted" style={{ fontWeight: 400 }}>
                {[
                  col.flags.length === 0
                    ? Q.compareNoFlags
                    : col.flags.map((f) => f.message).join(' '),
                  i !== c.reference && !testable[i] ? AM.notTestable : null,
                ]
                  .filter((t) => t !== null)
                  .join(' ')}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
