// Which cells hold dates and which percentages: a cell's s attribute is an
// index into styles.xml's <cellXfs>, whose numFmtId is either a built-in
// format (14 is a date, 10 is 0.00%) or one of the workbook's own <numFmt>
// codes. Only what decides how the stored value is written is kept: a date
// form, a percentage and its decimals, or a plain number.
import { attr, type XmlHandler } from './xml';
import type { DateForm } from './cells';

export type CellFormat =
  { kind: 'number' } | { kind: 'percent'; decimals: number } | { kind: DateForm };

const NUMBER: CellFormat = { kind: 'number' };
const DATE: CellFormat = { kind: 'date' };
const TIME: CellFormat = { kind: 'time' };

/**
 * ECMA-376's built-in formats that are not plain numbers (18.8.30), with the
 * ids East Asian versions of Excel use for their own dates and times (27–36,
 * 50–58). Ids not listed here are numbers (0 General, 1–4, 5–8 currency…).
 */
const BUILT_IN: Record<number, CellFormat> = {
  9: { kind: 'percent', decimals: 0 },
  10: { kind: 'percent', decimals: 2 },
  14: DATE,
  15: DATE,
  16: DATE,
  17: DATE,
  18: TIME,
  19: TIME,
  20: TIME,
  21: TIME,
  22: { kind: 'datetime' },
  27: DATE,
  28: DATE,
  29: DATE,
  30: DATE,
  31: DATE,
  32: TIME,
  33: TIME,
  34: TIME,
  35: TIME,
  36: DATE,
  45: TIME,
  46: { kind: 'elapsed' },
  47: TIME,
  50: DATE,
  51: DATE,
  52: DATE,
  53: DATE,
  54: DATE,
  55: DATE,
  56: DATE,
  57: DATE,
  58: DATE,
};

/**
 * What a format code shows, from its first section (positive numbers): text in
 * quotes, escaped characters (\x, _x, *x) and brackets ([Red], [$€-407],
 * [>100]) say nothing; [h], [mm], [ss] are elapsed time; y, d, and m without h
 * or s are dates; h and s are times (m beside them is minutes); % is a
 * percentage, with as many decimals as the code has placeholders after ".".
 */
export function formatOf(code: string): CellFormat {
  let s = '';
  let elapsed = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\' || c === '_' || c === '*') i++;
    else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      const inner = code.slice(i + 1, end < 0 ? code.length : end);
      if (/^(h+|m+|s+)$/i.test(inner)) {
        elapsed = true;
        s += inner;
      }
      i = end < 0 ? code.length : end;
    } else if (c === ';') break;
    else s += c;
  }
  const t = s.replace(/AM\/PM|A\/P/gi, '').toLowerCase();
  if (t.includes('%')) {
    const m = /\.([0#?]*)/.exec(t);
    return { kind: 'percent', decimals: m?.[1]?.length ?? 0 };
  }
  const time = /[hs]/.test(t);
  const date = /[yd]/.test(t) || (t.includes('m') && !time);
  if (elapsed) return { kind: 'elapsed' };
  if (date && time) return { kind: 'datetime' };
  if (date) return DATE;
  if (time) return TIME;
  return NUMBER;
}

/** Reads styles.xml: the format of each cell style (<cellXfs>), in order. */
export class StylesReader implements XmlHandler {
  wantText = false;
  halted = false;
  private readonly codes = new Map<number, string>();
  private readonly xfs: number[] = [];
  private inCellXfs = false;

  constructor(private readonly malformed: (why: string) => Error) {}

  open(name: string, tag: string): void {
    if (name === 'numFmt') {
      const id = Number(attr(tag, 'numFmtId', this.malformed));
      const code = attr(tag, 'formatCode', this.malformed);
      if (Number.isInteger(id) && code !== null) this.codes.set(id, code);
    } else if (name === 'cellXfs') this.inCellXfs = true;
    else if (name === 'xf' && this.inCellXfs)
      this.xfs.push(Number(attr(tag, 'numFmtId', this.malformed) ?? '0'));
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }

  text(): void {}

  /** Each cell style's format; the workbook's own codes win over built-in ids. */
  formats(): CellFormat[] {
    const cache = new Map<number, CellFormat>();
    return this.xfs.map((id) => {
      let f = cache.get(id);
      if (f === undefined) {
        const code = this.codes.get(id);
        f = code !== undefined ? formatOf(code) : (BUILT_IN[id] ?? NUMBER);
        cache.set(id, f);
      }
      return f;
    });
  }
}
