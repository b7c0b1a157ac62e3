// Banding a numeric question into a single-answer one (age into 18–24, 25–34…),
// so that it can stand on a banner. Each cut point starts a band: cuts [25, 35]
// make "under 25", "25 to under 35" and "35 or more", and for whole numbers
// "18–24", "25–34", "35+" (the first band starts at the smallest value seen).
// Missing values stay missing; every band is kept, even an empty one, so that
// a banner's columns do not depend on the data.
import { fail, ok, type Result } from '../result';
import { problem, tabsMessages as M } from '../messages';
import type { Column, RespondentTable, SingleColumn } from '../table/types';

/** The banded column's id: the numeric question's id with this suffix. */
const BAND_SUFFIX = '_band';

export function band(
  table: RespondentTable,
  questionId: string,
  cuts: readonly number[],
  labels?: readonly string[],
): Result<SingleColumn> {
  const column =
    table.columns.find((c) => c.id === questionId) ??
    table.columns.find((c) => c.text === questionId);
  if (column === undefined || column.type !== 'numeric') {
    const valid = table.columns.filter((c) => c.type === 'numeric').map((c) => c.id);
    return fail(problem('tabs-band-not-numeric', questionId, valid));
  }
  if (
    cuts.length === 0 ||
    cuts.some((c, i) => !Number.isFinite(c) || (i > 0 && !(c > cuts[i - 1]!)))
  ) {
    return fail(problem('tabs-band-cuts', cuts.map(String)));
  }
  if (labels !== undefined && labels.length !== cuts.length + 1) {
    return fail(problem('tabs-band-labels', labels.length, cuts.length + 1));
  }
  const values = column.values;
  const codes = cuts.length < 255 ? new Uint8Array(values.length) : new Uint16Array(values.length);
  let min = Infinity;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (!Number.isInteger(v)) whole = false;
    // The band is the number of cuts at or below v, plus one (0 is missing).
    let k = 0;
    while (k < cuts.length && v >= cuts[k]!) k++;
    codes[i] = k + 1;
  }
  const wholeCuts = whole && cuts.every(Number.isInteger);
  return ok({
    id: `${column.id}${BAND_SUFFIX}`,
    text: M.bandText(column.text),
    type: 'single',
    labels: labels === undefined ? bandLabels(cuts, wholeCuts, min) : [...labels],
    codes,
  });
}

function bandLabels(cuts: readonly number[], whole: boolean, min: number): string[] {
  const last = cuts[cuts.length - 1]!;
  if (!whole) {
    return [
      M.bandUnder(cuts[0]!),
      ...cuts.slice(1).map((c, i) => M.bandFromTo(cuts[i]!, c)),
      M.bandOrMore(last),
    ];
  }
  const first = min < cuts[0]! ? M.bandRange(min, cuts[0]! - 1) : M.bandUnder(cuts[0]!);
  return [first, ...cuts.slice(1).map((c, i) => M.bandRange(cuts[i]!, c - 1)), M.bandPlus(last)];
}

/** The table with extra columns (a band, a nested banner), refusing an id that is taken. */
export function withColumns(
  table: RespondentTable,
  columns: readonly Column[],
): Result<RespondentTable> {
  for (const c of columns) {
    if (table.columns.some((x) => x.id === c.id)) return fail(problem('tabs-id-taken', c.id));
  }
  return ok({ ...table, columns: [...table.columns, ...columns] });
}
