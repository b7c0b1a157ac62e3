// Options by segment or wave: percents side by side with the difference in
// points and the index against the first column. Each column keeps its flags.
import { comparePublished, type CompareColumn } from '../core/compare/published';
import { formatNumber } from '../core/format/number';
import { formatPercent } from '../core/format/percent';
import type { FlagVM } from '../state/models/questionModel';
import { ScrollBox } from './ScrollBox';

export interface CompareInput extends CompareColumn {
  flags: FlagVM[];
}

const signed = (n: number, d: number) =>
  `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), d)}`;

export function CompareTable({ columns, caption }: { columns: CompareInput[]; caption: string }) {
  const c = comparePublished(columns);
  return (
    <ScrollBox label={caption}>
      <table className="data" data-testid="compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            {c.columns.map((name, i) => (
              <th
                key={`${name}-${i}`}
                scope="col"
                className="num"
                colSpan={i === c.reference ? 1 : 3}
              >
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
                  <th
                    key={`${name}-${i}-d`}
                    scope="col"
                    className="num"
                    title="Difference in percentage points from the first column"
                  >
                    Diff. (pts)
                  </th>,
                  <th
                    key={`${name}-${i}-x`}
                    scope="col"
                    className="num"
                    title="100 × this column ÷ the first column"
                  >
                    Index
                  </th>,
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
                return [
                  <td key={`${i}-p`} className="num">
                    {pct}
                  </td>,
                  <td key={`${i}-d`} className="num">
                    {cell.diff === null ? '' : signed(cell.diff, cell.decimals)}
                  </td>,
                  <td key={`${i}-x`} className="num">
                    {cell.index === null ? '' : formatNumber(cell.index, 1)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Notes</th>
            {columns.map((col, i) => (
              <td
                key={i}
                colSpan={i === c.reference ? 1 : 3}
                className="muted"
                style={{ fontWeight: 400 }}
              >
                {col.flags.length === 0 ? 'No flags' : col.flags.map((f) => f.message).join(' ')}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
