// The banner's columns: Total first, then each banner question's options as a
// group, lettered A, B, C… across the whole banner (so that a letter names one
// column of the book, whatever its group). A question nested within another
// ("gender within region") becomes one derived single-answer column whose
// options are the pairs, compared only within each option of the outer one.
import { TOTAL_AXIS, resolveAxis, type ResolvedAxis } from '../crosstab/axis';
import { categoricalColumn } from '../filter/columns';
import { problem, tabsMessages as M } from '../messages';
import { fail, ok, type Result } from '../result';
import { columnLetter } from '../stats/proportions';
import type { Column, RespondentTable, SingleColumn } from '../table/types';
import { withColumns } from './band';
import type { BannerColumn, TabColumn, TabGroup } from './types';

/** A banner question as counted: its axis, and the sets of its columns compared together. */
export interface BannerAxis {
  axis: ResolvedAxis;
  group: TabGroup;
  /** Book columns compared together: all of them, or for a nested banner those within one outer option. */
  testSets: number[][];
  /** A nested banner's outer option per column. */
  within: string[] | null;
}

export interface Banner {
  /** The table with the nested banner questions' derived columns. */
  table: RespondentTable;
  columns: TabColumn[];
  groups: TabGroup[];
  /** Total, then each banner question's axis. */
  axes: ResolvedAxis[];
  bannerAxes: BannerAxis[];
}

/** The banner's columns, groups and axes; questions by id or exact text. */
export function resolveBanner(
  table: RespondentTable,
  banner: readonly BannerColumn[],
): Result<Banner> {
  // The banner: nested questions become one derived column each.
  const derived: SingleColumn[] = [];
  const bannerIds: { id: string; within: SingleColumn | null; inner: Column }[] = [];
  for (const b of banner) {
    const q = typeof b === 'string' ? b : b.question;
    const w = typeof b === 'string' ? null : (b.within ?? null);
    const inner = bannerQuestion(table, q);
    if (!inner.ok) return inner;
    if (w === null) {
      bannerIds.push({ id: inner.value.id, within: null, inner: inner.value });
      continue;
    }
    const outer = bannerQuestion(table, w);
    if (!outer.ok) return outer;
    if (inner.value.type !== 'single' || outer.value.type !== 'single')
      return fail(problem('tabs-nested-multi', inner.value.id, outer.value.id));
    const column = nest(outer.value, inner.value);
    if (!derived.some((d) => d.id === column.id)) derived.push(column);
    bannerIds.push({ id: column.id, within: outer.value, inner: inner.value });
  }
  const nested = derived.length === 0 ? ok(table) : withColumns(table, derived);
  if (!nested.ok) return nested;
  const withNested = nested.value;

  const columns: TabColumn[] = [{ group: 'Total', label: 'Total', letter: null }];
  const groups: TabGroup[] = [{ id: 'Total', text: 'Total', type: 'total', start: 0, end: 1 }];
  const axes: ResolvedAxis[] = [TOTAL_AXIS];
  const bannerAxes: BannerAxis[] = [];
  for (const b of bannerIds) {
    const axis = resolveAxis(withNested, { questionId: b.id });
    if (!axis.ok) return axis;
    axes.push(axis.value);
    const start = columns.length;
    const inner = b.inner as SingleColumn;
    const within =
      b.within === null ? null : b.within.labels.flatMap((o) => inner.labels.map(() => o));
    const groupId = b.within === null ? b.id : `${b.within.id}/${inner.id}`;
    axis.value.info.labels.forEach((label, k) =>
      columns.push({
        group: groupId,
        label: within === null ? label : inner.labels[k % inner.labels.length]!,
        letter: columnLetter(columns.length - 1),
        ...(within === null ? {} : { within: within[k]! }),
      }),
    );
    const end = columns.length;
    const group: TabGroup = {
      id: groupId,
      text: b.within === null ? b.inner.text : M.nestedText(inner.text, b.within.text),
      type: axis.value.info.question.type === 'multi' ? 'multi' : 'single',
      start,
      end,
    };
    groups.push(group);
    const all = Array.from({ length: end - start }, (_, k) => start + k);
    const testSets =
      b.within === null
        ? [all]
        : b.within.labels.map((_, o) =>
            all.slice(o * inner.labels.length, (o + 1) * inner.labels.length),
          );
    bannerAxes.push({ axis: axis.value, group, testSets, within });
  }

  return ok({ table: withNested, columns, groups, axes, bannerAxes });
}

/** Ids no column of the table has, none given twice: `base`, or `base` with a number. */
export function freeIds(table: RespondentTable): (base: string) => string {
  const taken = new Set(table.columns.map((c) => c.id));
  return (base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    return id;
  };
}

export function findColumn(table: RespondentTable, idOrText: string): Column | undefined {
  return (
    table.columns.find((c) => c.id === idOrText) ?? table.columns.find((c) => c.text === idOrText)
  );
}

function bannerQuestion(table: RespondentTable, idOrText: string): Result<SingleColumn | Column> {
  const column = findColumn(table, idOrText);
  if (column?.type === 'numeric') return fail(problem('tabs-banner-numeric', column.id));
  return categoricalColumn(table, idOrText);
}

/** outer × inner as one single-answer column: code (o − 1)·|inner| + i, missing when either is. */
function nest(outer: SingleColumn, inner: SingleColumn): SingleColumn {
  const n = inner.labels.length;
  const size = outer.labels.length * n + 1;
  const codes =
    size <= 0xff
      ? new Uint8Array(outer.codes.length)
      : size <= 0xffff
        ? new Uint16Array(outer.codes.length)
        : new Uint32Array(outer.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const o = outer.codes[i]!;
    const c = inner.codes[i]!;
    if (o !== 0 && c !== 0) codes[i] = (o - 1) * n + c;
  }
  return {
    id: `${outer.id}/${inner.id}`,
    text: M.nestedText(inner.text, outer.text),
    type: 'single',
    labels: outer.labels.flatMap((o) => inner.labels.map((l) => M.nestedLabel(o, l))),
    codes,
  };
}
