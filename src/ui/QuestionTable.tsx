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
import { isolate } from '../core/format/bidi';
import { ScrollBox } from './ScrollBox';

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
}

const sortValue = (o: OptionVM) => o.value ?? -1;

export function QuestionTable({ series, caption, nets, selected, onToggle }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const hasRanks = series.options.some((o) => o.rank !== null);
  const columns = useMemo<ColumnDef<OptionVM>[]>(() => {
    const cols: ColumnDef<OptionVM>[] = [
      {
        id: 'select',
        header: () => <span className="visually-hidden">Include in net</span>,
        enableSorting: false,
        cell: ({ row }) =>
          row.original.omitted || row.original.value === null ? null : (
            <input
              type="checkbox"
              aria-label={`Include "${isolate(row.original.label)}" in a net`}
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
        header: 'Option',
        accessorFn: (o) => o.label,
        cell: ({ row }) => <bdi>{row.original.label}</bdi>,
      },
    ];
    if (hasRanks) {
      cols.push({
        id: 'rank',
        header: 'Rank',
        accessorFn: (o) => o.rank ?? Number.POSITIVE_INFINITY,
        cell: ({ row }) => (row.original.rank === null ? '' : `#${row.original.rank}`),
      });
    }
    cols.push({
      id: 'percent',
      header: series.kind === 'multi' ? '% of respondents' : 'Percent',
      accessorFn: sortValue,
      cell: ({ row }) => row.original.text,
      sortDescFirst: true,
    });
    return cols;
  }, [hasRanks, series.kind, selected, onToggle]);

  const table = useReactTable({
    data: series.options,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const span = columns.length - 1;

  return (
    <ScrollBox label={caption}>
      <table className="data" data-testid="question-table">
        <caption>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sorted = h.column.getIsSorted();
                const numeric = h.column.id === 'percent' || h.column.id === 'order';
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
                  className={
                    cell.column.id === 'percent' || cell.column.id === 'order' ? 'num' : undefined
                  }
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
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row" colSpan={span - 1}>
              Total
            </th>
            <td className="num" data-testid="total">
              {series.totalText}
            </td>
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
