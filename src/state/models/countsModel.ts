// The counts page's view model: the typed text read and analysed by core
// (core/counts), turned into the strings the page shows and the rows its CSV
// export writes. The page only draws it.
import { analyseCounts } from '../../core/counts/analyse';
import { countsExport } from '../../core/counts/export';
import { countText, intervalText, percentText } from '../../core/counts/format';
import { formatP } from '../../core/format/number';
import { countsMessages as M, exportMessages, respondentMessages } from '../../core/messages';
import { parseCountsTable } from '../../core/counts/parse';

/** The example the page offers: WeChat use by age, as counts (R's chisq.test gives 26.97 on 2 df). */
export const COUNTS_EXAMPLE =
  'Uses WeChat daily\t18-24\t25-34\t35+\nDaily\t62\t48\t25\nNot daily\t18\t32\t45\n';

export interface CountsCell {
  percent: string;
  count: string;
  /** Letters of the columns this cell is significantly higher than ('' for none). */
  letters: string;
  interval: string;
}

export interface CountsGrid {
  caption: string;
  corner: string;
  columns: { label: string; letter: string | null }[];
  rows: { label: string; cells: CountsCell[] }[];
  bases: { text: string; small: boolean }[];
  chiSquare: string;
  /** What the letters mean; null when there are none (one column). */
  testNote: string | null;
  intervalNote: string;
  notes: string[];
  /** The table as the CSV export writes it. */
  csv: string[][];
}

export type CountsModel =
  { state: 'empty' } | { state: 'error'; message: string } | { state: 'ok'; grid: CountsGrid };

export function countsModel(text: string): CountsModel {
  if (text.trim() === '') return { state: 'empty' };
  const parsed = parseCountsTable(text);
  if (!parsed.ok) return { state: 'error', message: parsed.error.message };
  const a = analyseCounts(parsed.value);
  const t = a.table;
  const chi = a.chiSquare;
  return {
    state: 'ok',
    grid: {
      caption: M.caption(t.corner),
      corner: t.corner,
      columns: t.colLabels.map((label, c) => ({
        label,
        letter: a.tests === null ? null : (a.letters[c] ?? null),
      })),
      rows: t.rowLabels.map((label, r) => ({
        label,
        cells: t.colLabels.map((_, c) => ({
          percent: percentText(a.colPercents[r]?.[c] ?? null),
          count: countText(t.counts[r]?.[c] ?? 0),
          letters: a.tests?.[r]?.[c] ?? '',
          interval: intervalText(a.intervals[r]?.[c] ?? null),
        })),
      })),
      bases: a.colBases.map((n, c) => ({ text: countText(n), small: a.smallBase[c] ?? false })),
      chiSquare:
        chi === null
          ? exportMessages.chiSquareNone
          : exportMessages.chiSquare(chi.statistic.toFixed(3), chi.df, formatP(chi.p)),
      testNote: a.tests === null ? null : respondentMessages.testNote,
      intervalNote: M.intervalNote,
      notes: a.notes,
      csv: countsExport(a),
    },
  };
}
