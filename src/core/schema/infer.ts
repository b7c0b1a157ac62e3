// Schema inference for respondent-level data, from a sample of the first rows:
// per column single / multi / numeric / text / weight / id, and multi-answer
// questions grouped from one-column-per-option batteries or `;`-joined cells.
import { findYesNoBatteries } from './battery';
import { withMembers } from './members';
import { findNameRuns } from './names';
import type { NameRun } from './names';
import { profileColumn } from './profile';
import type { ColumnProfile } from './profile';
import { isNotSelectedLabel, isNotSelectedToken, isSelectedToken } from './tokens';
import { DEFAULT_MISSING_TOKENS } from './types';
import type { MultiSeparator, Schema, SchemaQuestion } from './types';

export interface InferInput {
  /** Unique column names (see resolveHeader). */
  names: string[];
  headerLines: 1 | 2;
  /** Sample of data rows (header lines excluded), e.g. the first 1,000. */
  rows: readonly string[][];
  missingTokens?: readonly string[];
  decimalComma?: boolean;
  warnings?: string[];
}

export const WEIGHT_NAME =
  /^(weights?|wt|wgt|wght|poids|pond|ponderation|pondération|final_?weight|w)$|weight|权重|加权/i;
const ID_NAME =
  /^(id|uuid|respondent|respondent ?id|resp_?id|record ?id|case ?id|response ?id|.*[_ ]id)$/i;
/**
 * Whether a column can be a weight at all: numbers (zero, negative or missing
 * weights are then reported by the crosstab, respondent by respondent).
 */
export const canBeWeight = (p: ColumnProfile): boolean => p.numeric && p.nonMissing > 0;

/** Distinct values above which an all-number column is read as numeric rather than as categories. */
const NUMERIC_MIN_DISTINCT = 12;
const TEXT_MIN_DISTINCT = 10;

export type Style = 'label' | 'binary' | 'empty' | null;

export function columnStyle(p: ColumnProfile): Style {
  if (p.counts.size === 0) return 'empty';
  let binary = true;
  let labels = 0;
  for (const v of p.counts.keys()) {
    if (!isSelectedToken(v) && !isNotSelectedToken(v)) binary = false;
    if (!isNotSelectedLabel(v)) labels++;
  }
  if (binary) return 'binary';
  return labels <= 1 ? 'label' : null;
}

/** The values meaning "chosen" that a binary battery's columns hold, as written (e.g. ["Oui"]). */
export function chosenValuesOf(profiles: readonly ColumnProfile[]): string[] {
  const seen = new Set<string>();
  for (const p of profiles) for (const v of p.counts.keys()) if (isSelectedToken(v)) seen.add(v);
  return [...seen];
}

export function labelOf(p: ColumnProfile, fallback: string): string {
  let best: string | null = null;
  let bestN = 0;
  for (const [v, n] of p.counts) {
    if (!isNotSelectedLabel(v) && n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best ?? fallback;
}

function firstLast(names: string[], cols: number[]): string {
  const a = names[cols[0] ?? 0] ?? '';
  const b = names[cols[cols.length - 1] ?? 0] ?? '';
  return cols.length > 1 ? `${a} … ${b}` : a;
}

function multiFromRun(
  run: NameRun,
  profiles: ColumnProfile[],
  names: string[],
): SchemaQuestion | null {
  const styles = run.columns.map((c) => columnStyle(profiles[c] as ColumnProfile));
  const binaryN = styles.filter((s) => s === 'binary').length;
  const labelN = styles.filter((s) => s === 'label').length;
  const style: 'label' | 'binary' = binaryN > labelN ? 'binary' : 'label';
  const members: number[] = [];
  const options: string[] = [];
  run.columns.forEach((c, k) => {
    const s = styles[k];
    if (s !== style && s !== 'empty') return;
    members.push(c);
    const fallback = run.pattern === 'underscore' ? (names[c] ?? '') : (run.labels[k] ?? '');
    options.push(style === 'label' ? labelOf(profiles[c] as ColumnProfile, fallback) : fallback);
  });
  if (members.length === 0 || (members.length === 1 && run.columns.length > 1)) return null;
  if (members.every((c) => styles[run.columns.indexOf(c)] === 'empty')) return null;
  const holds =
    style === 'label' ? 'the option label or blank / "Not selected"' : 'yes/no (1/0, Oui/Non)';
  const chosen = style === 'binary' ? chosenValuesOf(members.map((c) => profiles[c]!)) : [];
  return {
    id: run.stem,
    text: run.stem,
    kind: 'multi',
    sourceColumns: members,
    multi:
      chosen.length > 0
        ? { encoding: 'columns', style, options, chosen }
        : { encoding: 'columns', style, options },
    grid: null,
    reason: `Multi-answer: one column per option (${firstLast(names, members)}), each holding ${holds}.`,
  };
}

/** A single column whose cells often join several recurring options with `separator`. */
function delimitedSeparator(p: ColumnProfile): MultiSeparator | null {
  for (const sep of [';', '|', ','] as MultiSeparator[]) {
    let cellsWithSep = 0;
    const partCells = new Map<string, number>();
    /** Parts of cells holding several parts, with their counts. */
    const joined = new Map<string, number>();
    let occurrences = 0;
    let joinedOccurrences = 0;
    for (const [v, n] of p.counts) {
      const parts = new Set(
        v
          .split(sep)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      );
      if (parts.size > 1) cellsWithSep += n;
      for (const part of parts) {
        partCells.set(part, (partCells.get(part) ?? 0) + n);
        occurrences += n;
        if (parts.size > 1) {
          joined.set(part, (joined.get(part) ?? 0) + n);
          joinedOccurrences += n;
        }
      }
    }
    if (cellsWithSep === 0 || occurrences === 0) continue;
    let known = 0;
    let alone = 0;
    let distinctKnown = 0;
    for (const n of partCells.values()) {
      if (n >= 2) {
        known += n;
        distinctKnown++;
      }
    }
    for (const [part, n] of joined) if (p.counts.has(part)) alone += n;
    alone = joinedOccurrences === 0 ? 0 : alone / joinedOccurrences;
    if (distinctKnown < 2 || known / occurrences < 0.6) continue;
    // A comma also appears inside ordinary labels ("Never, but open to it"): require the
    // parts to be answers given on their own too.
    if (sep === ',' && (alone < 0.8 || cellsWithSep < 2)) continue;
    return sep;
  }
  return null;
}

export function classifySingle(
  name: string,
  p: ColumnProfile,
): Pick<SchemaQuestion, 'kind' | 'multi' | 'reason'> {
  const distinct = p.counts.size;
  // Few distinct numbers are categories (ratings 1-5, ranks); many are a measure. Small files need fewer.
  const numericMin = Math.min(NUMERIC_MIN_DISTINCT, Math.max(6, p.nonMissing / 2));
  if (p.numeric && (distinct >= numericMin || (!p.integer && distinct > 5)))
    return {
      kind: 'numeric',
      multi: null,
      reason: `Numeric: ${distinct}${p.distinctCapped ? '+' : ''} distinct numbers.`,
    };
  const sep = p.numeric ? null : delimitedSeparator(p);
  if (sep !== null)
    return {
      kind: 'multi',
      multi: { encoding: 'delimited', separator: sep },
      reason: `Multi-answer: options joined by "${sep}" inside one cell.`,
    };
  const ratio = p.nonMissing === 0 ? 0 : distinct / p.nonMissing;
  if (
    (distinct > TEXT_MIN_DISTINCT && ratio >= 0.5) ||
    (p.meanLength >= 40 && ratio >= 0.8 && p.nonMissing >= 3)
  )
    return {
      kind: 'text',
      multi: null,
      reason: `Free text: ${distinct} different answers among ${p.nonMissing}.`,
    };
  void name;
  return {
    kind: 'single',
    multi: null,
    reason:
      distinct === 0
        ? 'No answers in the first rows; read as single-answer.'
        : `Single-answer: ${distinct} options.`,
  };
}

export function inferSchema(input: InferInput): Schema {
  const { names, rows } = input;
  const missingTokens = [...(input.missingTokens ?? DEFAULT_MISSING_TOKENS)];
  const missing = new Set(missingTokens);
  const decimalComma = input.decimalComma ?? false;
  const profiles = names.map((_, i) => profileColumn(rows, i, missing, decimalComma));
  const taken = new Set<number>();
  const questions: SchemaQuestion[] = [];

  // A weight is proposed, never applied: "weight" may be body weight in kilograms.
  // Proposed only when named like a weight, positive, and not whole numbers (so not
  // an age, a count or a row counter); the user or a definition decides.
  const weightCol = profiles.findIndex(
    (p, i) => WEIGHT_NAME.test(names[i] ?? '') && p.numeric && p.min > 0 && !p.integer,
  );
  const proposedWeightId = weightCol >= 0 ? (names[weightCol] ?? null) : null;
  let idColumnId: string | null = null;
  const idCol = profiles.findIndex(
    (p, i) =>
      i !== weightCol &&
      (ID_NAME.test(names[i] ?? '') || (i === 0 && names[0] === 'Column 1')) &&
      p.missing === 0 &&
      p.counts.size === p.nonMissing &&
      p.nonMissing === rows.length &&
      !p.distinctCapped,
  );
  if (idCol >= 0) {
    idColumnId = names[idCol] ?? null;
    taken.add(idCol);
    questions.push({
      id: names[idCol] ?? '',
      text: names[idCol] ?? '',
      kind: 'id',
      sourceColumns: [idCol],
      multi: null,
      grid: null,
      reason: 'Respondent id: a different value on every row.',
    });
  }

  const ids = new Set(names);
  const gridOf = new Map<number, string>();
  // Columns a battery reads keep their own question too (see members.ts).
  const grouped = new Set(taken);
  for (const run of findNameRuns(names, taken)) {
    const q = multiFromRun(run, profiles, names);
    if (q === null) {
      if (run.columns.length > 1) for (const c of run.columns) gridOf.set(c, run.stem);
      continue;
    }
    let id = q.id;
    let k = 2;
    while (ids.has(id)) id = `${q.id} (${k++})`;
    ids.add(id);
    questions.push({ ...q, id, text: q.text });
    for (const c of q.sourceColumns) grouped.add(c);
  }

  // Yes/no batteries whose columns share no name stem (hdv2003's leisure items): proposed
  // from their values alone; the preview shows the proposal, --multi or a definition overrides.
  for (const b of findYesNoBatteries(names, profiles, grouped)) {
    const first = names[b.columns[0]!] ?? '';
    const last = names[b.columns[b.columns.length - 1]!] ?? '';
    let id = `${first} … ${last}`;
    for (let k = 2; ids.has(id); k++) id = `${first} … ${last} (${k})`;
    ids.add(id);
    const options = b.columns.map((c) =>
      b.style === 'label' ? labelOf(profiles[c]!, names[c] ?? '') : (names[c] ?? ''),
    );
    questions.push({
      id,
      text: id,
      kind: 'multi',
      sourceColumns: b.columns,
      multi:
        b.style === 'binary'
          ? { encoding: 'columns', style: 'binary', options, chosen: b.chosen }
          : { encoding: 'columns', style: 'label', options },
      grid: null,
      reason: `Multi-answer (proposed): ${b.columns.length} adjacent columns (${first} … ${last}) that all hold ${
        b.style === 'binary'
          ? `${b.chosen[0] ?? 'yes'}/${b.notChosen[0] ?? 'no'}`
          : 'their own label or blank'
      }. Ungroup it if they are separate questions.`,
    });
  }

  names.forEach((name, i) => {
    if (taken.has(i)) return;
    const p = profiles[i] as ColumnProfile;
    questions.push({
      id: name,
      text: name,
      sourceColumns: [i],
      grid: gridOf.get(i) ?? null,
      ...(i === weightCol
        ? {
            kind: 'numeric' as const,
            multi: null,
            reason:
              'Numeric: named like a weight, positive, not whole numbers. Choose it as the weight to weight the figures.',
          }
        : classifySingle(name, p)),
    });
  });
  return withMembers({
    columnNames: [...names],
    headerLines: input.headerLines,
    questions,
    missingTokens,
    weightId: null,
    proposedWeightId,
    idColumnId,
    decimalComma,
    warnings: [...(input.warnings ?? [])],
  });
}
