// Which character separates the fields: the candidate that splits the sample
// lines into the same number (at least two) of fields most consistently,
// counted with quotes respected.
import { csvMessages } from '../messages';
import { createTokenizer } from './tokenize';

export type Delimiter = ',' | ';' | '\t' | '|';

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** User-facing: why, e.g. "Semicolon: all 20 sample lines split into 7 fields". */
  reason: string;
  /** Numbers in the sample are written with a decimal comma (3,5), as in semicolon-separated European exports. */
  decimalComma: boolean;
}

/** Ties go to the earlier candidate. */
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
const SAMPLE_ROWS = 50;

const DECIMAL_COMMA = /^[-+]?(?:\d{1,3}(?:[. ]\d{3})+|\d+),\d+$/;
const DECIMAL_POINT = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;

interface Split {
  delimiter: Delimiter;
  counts: number[];
  mode: number;
  agree: number;
  rows: string[][];
}

/**
 * Guess the delimiter from the start of a file (a few KB is plenty; at most
 * 50 rows are read). A last line cut off by the end of the sample is ignored.
 */
export function detectDelimiter(sample: string): DelimiterGuess {
  const splits = CANDIDATES.map((d) => split(sample, d));
  let best: Split | null = null;
  for (const s of splits) {
    if (s.mode < 2) continue;
    if (best === null || better(s, best)) best = s;
  }
  if (best === null)
    return { delimiter: ',', reason: csvMessages.delimiterNone, decimalComma: false };
  const decimalComma = best.delimiter !== ',' && usesDecimalComma(best.rows);
  const name = csvMessages.delimiterName[best.delimiter] ?? best.delimiter;
  return {
    delimiter: best.delimiter,
    reason:
      csvMessages.delimiterConsistent(name, best.agree, best.counts.length, best.mode) +
      (decimalComma ? csvMessages.delimiterDecimalComma : ''),
    decimalComma,
  };
}

/** More lines agreeing wins (as a share); then more fields; then the earlier candidate. */
function better(a: Split, b: Split): boolean {
  const ra = a.agree / a.counts.length;
  const rb = b.agree / b.counts.length;
  if (Math.abs(ra - rb) > 1e-9) return ra > rb;
  return a.mode > b.mode;
}

function split(sample: string, delimiter: Delimiter): Split {
  const rows: string[][] = [];
  const tok = createTokenizer({
    delimiter,
    file: '',
    onRow(cells) {
      rows.push(cells.slice());
      return rows.length > SAMPLE_ROWS ? false : undefined; // false: enough rows, stop
    },
  });
  tok.push(sample);
  // An error here (a quote left open where the sample was cut) is expected: the rows before it count.
  const ended = tok.end();
  // A sample cut mid-line leaves a short last row: drop it unless it is the only one.
  const cut = ended.ok && rows.length > 1 && rows.length <= SAMPLE_ROWS && !/[\r\n]$/.test(sample);
  const complete = cut ? rows.slice(0, -1) : rows;
  const used = complete.slice(0, SAMPLE_ROWS).filter((r) => !(r.length === 1 && r[0] === ''));
  const counts = used.map((r) => r.length);
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let mode = 0;
  let agree = 0;
  for (const [c, f] of freq) {
    if (f > agree || (f === agree && c > mode)) {
      mode = c;
      agree = f;
    }
  }
  return { delimiter, counts: counts.length > 0 ? counts : [0], mode, agree, rows: used };
}

function usesDecimalComma(rows: string[][]): boolean {
  let comma = 0;
  let point = 0;
  for (const row of rows)
    for (const cell of row) {
      const v = cell.trim();
      if (DECIMAL_COMMA.test(v)) comma++;
      else if (DECIMAL_POINT.test(v)) point++;
    }
  return comma > 0 && comma > point;
}
