// The table behind every chart: options as published, sortable, with a total
// row and the user's net rows. @tanstack/react-table does sorting and headers.
import { useMemo, useState } from 'react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import type { OptionVM, SeriesVM } from '../state/models/questionModel';
import { ScrollBox } from './ScrollBox';
import type { OptionInterval } from '../state/models/analyst';
import { analystMessages as AM, questionPageMessages as Q } from '../core/messages';

export interface NetRowVM {
  label: string;
  text: string;
  explanation: string;
}

interface Props {
  series: SeriesVM;
  caption: string;
  nets: NetRowVM[];
  selected: Set<number>;
  onToggle: (index: number) => void;
  /** Each option's 95% interval by its index; null: no base, so no interval column. */
  intervals?: readonly OptionInterval[] | null;
}

const sortValue = (o: OptionVM) => o.value ?? -1;
const NUMERIC = new Set(['percent', 'order', 'interval']);

export function QuestionTable({
  series,
  caption,
  nets,
  selected,
  onToggle,
  intervals = null,
}: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const hasRanks = series.options.some((o) => o.rank !== null);
  const columns = useMemo<ColumnDef<OptionVM>[]>(() => {
    const cols: ColumnDef<OptionVM>[] = [
      {
        id: 'select',
        header: () => <span className="visually-hidden">{Q.includeInNet}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.omitted || row.original.value === null ? null : (
            <input
              type="checkbox"
              aria-label={Q.includeLabel(row.original.label)}
              checked={selected.has(row.original.index)}
              onChange={() => onToggle(row.original.index)}
            />
          ),
      },
      {
        id: 'order',
        header: '#',
        accessorFn: (o) => o.index,
        cell: ({ getValue }) => Number(getValue()) + 1,
      },
      {
        id: 'label',
        header: Q.columnOption,
        accessorFn: (o) => o.label,
        cell: ({ row }) => <bdi>{row.original.label}</bdi>,
      },
    ];
    if (hasRanks) {
      cols.push({
        id: 'rank',
        header: Q.columnRank,
        accessorFn: (o) => o.rank ?? Number.POSITIVE_INFINITY,
        cell: ({ row }) => (row.original.rank === null ? '' : `#${row.original.rank}`),
      });
    }
    cols.push({
      id: 'percent',
      header: series.kind === 'multi' ? Q.columnPercentMulti : Q.columnPercent,
      accessorFn: sortValue,
      cell: ({ row }) => row.original.text,
      sortDescFirst: true,
    });
    if (intervals !== null) {
      cols.push({
        id: 'interval',
        header: AM.intervalHeader,
        enableSorting: false,
        cell: ({ row }) => {
          const i = intervals[row.original.index];
          if (i === undefined) return null;
          if (i.reason === null) return i.text;
          return (
            <>
              <span aria-hidden="true" title={i.reason}>
                {i.text}
              </span>
              <span className="visually-hidden">{i.reason}</span>
            </>
          );
        },
      });
    }
    return cols;
  }, [hasRanks, series.kind, selected, onToggle, intervals]);

  const table = useReactTable({
    data: series.options,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  // Cells before the percent: the tick box, then the label's span; after it, the interval.
  const after = intervals === null ? 0 : 1;
  const span = columns.length - 1 - after;
  const footnote = intervals?.some((i) => i.reason !== null) ?? false;

  return (
    <>
      <ScrollBox label={caption}>
        <table className="data" data-testid="question-table">
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const numeric = NUMERIC.has(h.column.id);
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      className={numeric ? 'num' : undefined}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      {h.column.getCanSort() ? (
                        <button type="button" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">
                            {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                          </span>
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id} className={row.original.omitted ? 'omitted' : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={NUMERIC.has(cell.column.id) ? 'num' : undefined}
                    data-col={cell.column.id === 'interval' ? 'interval' : undefined}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))}
            {nets.map((net) => (
              <tr key={net.label} className="net" data-testid="net-row">
                <td />
                <th scope="row" colSpan={span - 1} title={net.explanation}>
                  <bdi>{net.label}</bdi>
                </th>
                <td className="num">{net.text}</td>
                {after > 0 ? <td /> : null}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row" colSpan={span - 1}>
                {Q.totalRow}
              </th>
              <td className="num" data-testid="total">
                {series.totalText}
              </td>
              {after > 0 ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      </ScrollBox>
      {footnote ? <p className="table-footnote muted">{AM.intervalFootnote}</p> : null}
    </>
  );
}
