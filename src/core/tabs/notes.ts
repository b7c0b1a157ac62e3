// The notes under each table: the base in words, the weight, what was tested
// and how, the scale's scores and boxes, and which columns to read with care.
import { isCategorical } from '../filter/columns';
import type { FilterCondition } from '../filter/filter';
import { respondentMessages as RM, tabsMessages as M } from '../messages';
import type { RespondentTable } from '../table/types';
import { findColumn } from './columns';
import type { RowQuestion } from './rows';
import type { OrderedScale } from './scale';
import type { TabColumn, TabGroup, TestSpec } from './types';

/** Below this many respondents (unweighted) a column's percents are read with care. */
const SMALL_BASE = 30;

/** What the notes need to know of the book. */
export interface NoteContext {
  data: RespondentTable;
  filter: readonly FilterCondition[];
  weightId: string | null;
  tests: TestSpec | null;
  columns: readonly TabColumn[];
  bannerAxes: readonly { group: TabGroup; within: string[] | null }[];
}

export function notes(
  book: NoteContext,
  column: RowQuestion,
  unweightedBases: readonly number[],
  hasStats: boolean,
  scale: OrderedScale | null,
  boxes: OrderedScale | null,
): string[] {
  const out: string[] = [M.base(filterText(book.data, book.filter), column.type === 'numeric')];
  const weighted = book.weightId !== null;
  if (weighted) out.push(M.weighted(book.weightId!));
  const t = book.tests;
  if (t !== null && book.bannerAxes.length > 0) {
    if (column.type !== 'numeric') out.push(M.testNote(t, weighted));
    if (hasStats) out.push(M.meansTestNote(t, weighted));
    if (book.bannerAxes.some((b) => b.group.type === 'multi')) out.push(M.multiColumnsNote);
    if (book.bannerAxes.some((b) => b.within !== null)) out.push(M.nestedNote);
  }
  if (column.type === 'multi') out.push(M.multiRowNote);
  if (scale !== null && 'labels' in column) {
    const scored = column.labels
      .map((l, k) => ({ l, s: scale.scores[k]! }))
      .filter((e) => e.s !== null)
      .sort((a, b) => a.s - b.s);
    const off = column.labels.filter((_, k) => scale.scores[k] === null);
    out.push(
      M.scaleNote(
        scored.map((e) => ({ label: e.l, score: e.s })),
        off,
      ),
    );
  }
  if (boxes !== null && 'labels' in column)
    out.push(
      M.boxesNote(
        boxes.top2.map((k) => column.labels[k]!),
        boxes.bottom2.map((k) => column.labels[k]!),
      ),
    );
  if (hasStats) out.push(M.medianNote);
  const label = (c: number) => {
    const col = book.columns[c]!;
    return col.within === undefined ? col.label : M.nestedLabel(col.within, col.label);
  };
  const empty = unweightedBases.map((n, c) => (n === 0 ? c : -1)).filter((c) => c >= 0);
  const small = unweightedBases
    .map((n, c) => (n > 0 && n < SMALL_BASE ? c : -1))
    .filter((c) => c >= 0);
  if (small.length > 0) out.push(RM.smallBase(small.map(label)));
  if (empty.length > 0) out.push(M.noBase(empty.map(label)));
  return out;
}

/** The filter in words, or null for everyone. */
export function filterText(
  table: RespondentTable,
  filter: readonly FilterCondition[],
): string | null {
  if (filter.length === 0) return null;
  return RM.baseWhere(
    filter.map((c) => {
      const column = findColumn(table, c.questionId);
      const labels = column !== undefined && isCategorical(column) ? column.labels : [];
      return RM.baseCondition(
        column?.text ?? c.questionId,
        c.options.map((o) => labels[o] ?? String(o)),
      );
    }),
  );
}
