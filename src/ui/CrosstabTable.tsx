// The crosstab grid: lettered columns, shaded cells, significance letters,
// a base row, and sortable column headers (nets stay at the bottom).
import { crosstabPageMessages as PM } from '../core/messages';
import { tabsMessages } from '../core/messages';
import type { CrosstabGrid } from '../state/models/crosstabModel';
import { ScrollBox } from './ScrollBox';

interface Props {
  grid: CrosstabGrid;
  rowsText: string;
  colsText: string | null;
  showCounts: boolean;
  sort: { col: number; desc: boolean } | null;
  onSort: (col: number) => void;
}

/** Light heat shading: a pale blue whose depth follows the percent; text stays dark, so contrast holds. */
function shade(percent: number): string | undefined {
  if (!Number.isFinite(percent)) return undefined;
  const lightness = 97 - Math.min(100, Math.max(0, percent)) * 0.22;
  return `hsl(217 75% ${lightness.toFixed(1)}%)`;
}

export function CrosstabTable({ grid, rowsText, colsText, showCounts, sort, onSort }: Props) {
  const hasTotal = grid.rows.some((r) => r.total !== null);
  return (
    <ScrollBox label={PM.tableLabel}>
      <table className="data crosstab" data-testid="crosstab-table">
        <caption>
          <bdi>{rowsText}</bdi>
          {colsText ? (
            <>
              {` ${PM.by} `}
              <bdi>{colsText}</bdi>
            </>
          ) : null}{' '}
          — {grid.percentLabel}
          {grid.weighted ? PM.weightedCaption : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <bdi>{rowsText}</bdi>
            </th>
            {hasTotal ? (
              <th scope="col" className="num">
                {PM.total}
              </th>
            ) : null}
            {grid.colLabels.map((label, c) => {
              const active = sort?.col === c;
              return (
                <th
                  key={c}
                  scope="col"
                  className="num"
                  aria-sort={active ? (sort?.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" onClick={() => onSort(c)} title={PM.sortBy}>
                    <bdi>{label}</bdi>
                    {grid.showLetters && !grid.colIsNet[c] ? (
                      <span className="letter"> ({grid.colLetters[c]})</span>
                    ) : null}
                    <span aria-hidden="true">{active ? (sort?.desc ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.label} className={row.isNet ? 'net' : undefined}>
              <th scope="row">
                <bdi>{row.label}</bdi>
              </th>
              {hasTotal ? (
                <td className="num">
                  {row.total?.percentText}
                  {showCounts && row.total ? (
                    <div className="count">{row.total.countText}</div>
                  ) : null}
                </td>
              ) : null}
              {row.cells.map((cell, c) => (
                <td key={c} className="num" style={{ background: shade(cell.percent) }}>
                  {cell.percentText}
                  {cell.letters ? (
                    <sup className="sig" title={PM.higherThan(cell.letters)}>
                      {' '}
                      {cell.letters}
                    </sup>
                  ) : null}
                  {showCounts ? <div className="count">{cell.countText}</div> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="base-row">
            <th scope="row">{PM.baseRow(grid.weighted)}</th>
            {hasTotal ? (
              <td className="num">
                {grid.baseRow.totalUnweighted}
                {grid.weighted ? <div className="count">{grid.baseRow.total}</div> : null}
              </td>
            ) : null}
            {grid.baseRow.unweighted.map((n, c) => (
              <td key={c} className="num">
                {n}
                {grid.baseRow.small[c] ? <span title={PM.smallBase}> *</span> : null}
                {grid.weighted ? <div className="count">{grid.baseRow.weighted[c]}</div> : null}
              </td>
            ))}
          </tr>
          {grid.weighted ? (
            // The bases the letters are tested on, worded as in tab books.
            <tr data-testid="effective-base-row">
              <th scope="row">{tabsMessages.baseEffective}</th>
              {hasTotal ? <td className="num">{grid.baseRow.totalEffective}</td> : null}
              {grid.baseRow.effective.map((n, c) => (
                <td key={c} className="num">
                  {n}
                </td>
              ))}
            </tr>
          ) : null}
        </tfoot>
      </table>
    </ScrollBox>
  );
}
