// "Select all that apply" batteries whose columns share no name stem (R's
// questionr hdv2003: hard.rock, lecture.bd, … sport, each Oui/Non), found from
// the values alone: a run of 3+ adjacent columns that all hold one yes/no pair,
// or that each hold their own option label or blank. Pure: no DOM, no Node.
import type { ColumnProfile } from './profile';
import { YES_NO_PAIRS, isNotSelectedLabel } from './tokens';

export interface Battery {
  /** 0-based source column indexes, consecutive in the file, at least 3. */
  columns: number[];
  /** 'binary': each cell holds a yes/no value; 'label': each cell holds the option's label or is blank. */
  style: 'binary' | 'label';
  /** The value(s) that mean "chosen", as they are written in the file (e.g. ['Oui'], ['Y'], ['1'], ['TRUE'], ['是']); for 'label' style: [] (any non-blank label that is not "Not selected" means chosen). */
  chosen: string[];
  /** The value(s) that mean "not chosen", as written (e.g. ['Non']); [] for 'label'. */
  notChosen: string[];
}

const MIN_COLUMNS = 3;

/** Index in YES_NO_PAIRS of the pair holding `value` (case-insensitively), or -1. */
function pairOf(value: string): number {
  const v = value.trim().toLowerCase();
  return YES_NO_PAIRS.findIndex(([yes, no]) => v === yes || v === no);
}

const isChosen = (value: string, pair: number): boolean =>
  value.trim().toLowerCase() === (YES_NO_PAIRS[pair] as readonly [string, string])[0];

/** The value that means "chosen" in a two-valued yes/no set, or null when the set is not a yes/no pair. */
export function chosenValue(values: readonly string[]): string | null {
  if (values.length === 0) return null;
  const pair = pairOf(values[0] as string);
  if (pair < 0) return null;
  let chosen: string | null = null;
  let notChosen = false;
  for (const v of values) {
    if (pairOf(v) !== pair) return null;
    if (isChosen(v, pair)) chosen ??= v;
    else notChosen = true;
  }
  return notChosen ? chosen : null;
}

/**
 * The yes/no pair every value of the column comes from: its index, -1 when the
 * column is entirely missing (it fits any pair), or null when it fits none.
 */
function columnPair(p: ColumnProfile | undefined): number | null {
  if (p === undefined || p.distinctCapped) return null;
  let pair = -1;
  for (const v of p.counts.keys()) {
    const k = pairOf(v);
    if (k < 0 || (pair >= 0 && k !== pair)) return null;
    pair = k;
  }
  return pair;
}

/** Spellings as written, most frequent first (ties: first seen). */
function spellings(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

function binaryBattery(
  columns: number[],
  profiles: readonly ColumnProfile[],
  pair: number,
): Battery | null {
  const chosen = new Map<string, number>();
  const notChosen = new Map<string, number>();
  let twoValued = false;
  for (const c of columns) {
    let yes = false;
    let no = false;
    for (const [v, n] of (profiles[c] as ColumnProfile).counts) {
      const into = isChosen(v, pair) ? chosen : notChosen;
      into.set(v, (into.get(v) ?? 0) + n);
      if (into === chosen) yes = true;
      else no = true;
    }
    if (yes && no) twoValued = true;
  }
  if (chosen.size === 0 || !twoValued) return null;
  return { columns, style: 'binary', chosen: spellings(chosen), notChosen: spellings(notChosen) };
}

/** Runs of 3+ adjacent columns (none taken) all holding values of one yes/no pair. */
function binaryRuns(
  count: number,
  profiles: readonly ColumnProfile[],
  taken: ReadonlySet<number>,
): Battery[] {
  const out: Battery[] = [];
  const pairs = Array.from({ length: count }, (_, i) =>
    taken.has(i) ? null : columnPair(profiles[i]),
  );
  let i = 0;
  while (i < count) {
    const pair = pairs[i];
    // A run starts (and ends) at a column showing a value; all-missing columns
    // belong only between two such columns.
    if (pair === null || pair === undefined || pair < 0) {
      i++;
      continue;
    }
    let last = i;
    let j = i + 1;
    for (; j < count; j++) {
      const q = pairs[j];
      if (q === null || q === undefined || (q >= 0 && q !== pair)) break;
      if (q === pair) last = j;
    }
    const columns = Array.from({ length: last - i + 1 }, (_, k) => i + k);
    const b = columns.length >= MIN_COLUMNS ? binaryBattery(columns, profiles, pair) : null;
    if (b) out.push(b);
    i = last + 1;
  }
  return out;
}

const isNumber = (v: string): boolean => /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(v);

interface LabelColumn {
  /** The option label, lower case (for comparing columns). */
  key: string;
  /** Some rows do not choose it: blank / missing cells or a "Not selected" value. */
  unchosen: boolean;
}

/**
 * A column holding one option label (not a number, not a yes/no token) and
 * otherwise blanks or "Not selected" values, or null.
 */
function labelColumn(p: ColumnProfile | undefined): LabelColumn | null {
  if (p === undefined || p.distinctCapped) return null;
  let label: string | null = null;
  let unchosen = p.missing > 0;
  for (const v of p.counts.keys()) {
    if (isNotSelectedLabel(v)) {
      unchosen = true;
      continue;
    }
    if (label !== null || isNumber(v) || pairOf(v) >= 0) return null;
    label = v;
  }
  return label === null ? null : { key: label.toLowerCase(), unchosen };
}

/** Runs of 3+ adjacent columns (none taken) each holding its own label or blank. */
function labelRuns(
  count: number,
  profiles: readonly ColumnProfile[],
  taken: ReadonlySet<number>,
): Battery[] {
  const out: Battery[] = [];
  const cols = Array.from({ length: count }, (_, i) =>
    taken.has(i) ? null : labelColumn(profiles[i]),
  );
  let i = 0;
  while (i < count) {
    const first = cols[i];
    if (!first) {
      i++;
      continue;
    }
    const seen = new Set([first.key]);
    let unchosen = first.unchosen;
    let j = i + 1;
    for (; j < count; j++) {
      const c = cols[j];
      // A repeated label starts the next run.
      if (!c || seen.has(c.key)) break;
      seen.add(c.key);
      if (c.unchosen) unchosen = true;
    }
    // Constant text columns (every row holds the label) are not a battery.
    if (j - i >= MIN_COLUMNS && unchosen) {
      const columns = Array.from({ length: j - i }, (_, k) => i + k);
      out.push({ columns, style: 'label', chosen: [], notChosen: [] });
    }
    i = j;
  }
  return out;
}

/**
 * Maximal runs of 3+ adjacent columns, none in `taken`, that read as one
 * "select all that apply" question: every column holding values of the same
 * yes/no pair (Y/N, Yes/No, Oui/Non, 1/0, TRUE/FALSE, 是/否), or every column
 * holding its own label or blank. `profiles[i]` describes column i.
 */
export function findYesNoBatteries(
  names: readonly string[],
  profiles: readonly ColumnProfile[],
  taken: ReadonlySet<number>,
): Battery[] {
  const count = Math.min(names.length, profiles.length);
  // A column named as a question ("Do you work in retail?") is a question of its own,
  // not an option: StarWars' and Thanksgiving's adjacent Yes/No questions stay apart.
  const apart = new Set(taken);
  names.forEach((n, i) => {
    if (/[?？]\s*$/.test(n)) apart.add(i);
  });
  // A column fitting one kind never fits the other (labels exclude yes/no
  // tokens, and all-missing columns only join binary runs), so runs never overlap.
  return [...binaryRuns(count, profiles, apart), ...labelRuns(count, profiles, apart)].sort(
    (a, b) => (a.columns[0] as number) - (b.columns[0] as number),
  );
}
