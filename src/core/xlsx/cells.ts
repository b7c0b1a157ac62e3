// A cell's value as the text a CSV holding the same value has: the stored
// value, never the text Excel displays.
// - Numbers: JavaScript's shortest text that reads back as the same double.
//   Excel writes 2.1 as "2.1000000000000001" and 0.1234 shown as "12%" is
//   stored as 0.1234: both come out as the value ("2.1", "0.1234").
// - Dates are numbers too (days since 1900 or 1904) that a date format shows as
//   dates: they come out as ISO 8601, "2024-05-01", with the time when there is
//   one ("2024-05-01T08:30:00"), times alone as "08:30:00", like the Parquet
//   reader's dates and times.
// - A percentage-formatted number in a published table is the percentage it
//   holds, in full, as text: 0.3807 as "38.07%" (see read.ts for when).

/** Excel's last column (XFD) and last row. */
export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** "A" → 0, "Z" → 25, "AA" → 26, "XFD" → 16383; -1 when `ref` does not start with column letters. */
export function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) | 0x20; // A-Z and a-z alike
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === 0 || col > MAX_COLUMNS) return -1;
  // The row number that follows, if any, must be digits only.
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return -1;
  }
  return col - 1;
}

/** 0 → "A", 26 → "AA": how a column is named in messages. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The stored number's value, or NaN when `text` is not a number (Number() alone takes "0x1F" and "Infinity"). */
export function parseStored(text: string): number {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

/** The shortest text of a finite double ("2.1", "0.1234", "1e-7"), never "-0". */
export function numberText(n: number): string {
  return n === 0 ? '0' : String(n);
}

/**
 * A fraction as a percentage, exactly: the decimal point of the number's own
 * shortest text moved two places (no multiplication, so 0.1234 is "12.34%",
 * not 12.340000000000002), padded with zeros to the decimals its format shows
 * (0.381 shown as 0.00% is "38.10%": the published figure has two decimals).
 */
export function percentText(n: number, decimals: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(numberText(n));
  if (m === null) return numberText(n);
  const [, sign, int, frac = '', exp = '0'] = m;
  let digits = int! + frac;
  let point = int!.length + Number(exp) + 2;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  let fraction = digits.slice(point).replace(/0+$/, '');
  if (fraction.length < decimals) fraction += '0'.repeat(decimals - fraction.length);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}%`;
}

/** How a date-formatted number is written: see CellFormat in styles.ts. */
export type DateForm = 'date' | 'datetime' | 'time' | 'elapsed';

const DAY_MS = 86_400_000;
/** 9999-12-31, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;

/**
 * A date serial as ISO 8601 text, or null when no date has that number
 * (negative, or after 9999), so the caller keeps the number.
 * - 1900 system: day 1 is 1900-01-01, and day 60 is 1900-02-29, a day that
 *   never was (Lotus 1-2-3's leap-year bug, kept by Excel): days after it are
 *   one less than their count from 1899-12-31.
 * - 1904 system (Mac workbooks, date1904): day 0 is 1904-01-01.
 * The time is rounded to the millisecond (a serial stores ~10 µs); seconds'
 * fractions are written only when not zero.
 */
export function serialText(serial: number, date1904: boolean, form: DateForm): string | null {
  if (!(serial >= 0) || serial >= LAST_SERIAL + 1) return null;
  const ms = Math.round(serial * DAY_MS);
  const days = Math.floor(ms / DAY_MS);
  const inDay = ms - days * DAY_MS;
  if (form === 'elapsed') return clock(ms, true);
  if (form === 'time' && days === 0) return clock(inDay, false);
  let date: string;
  if (date1904) date = isoDay(Date.UTC(1904, 0, 1) + days * DAY_MS);
  else if (days === 60) date = '1900-02-29';
  else date = isoDay(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS);
  if (form === 'date' && inDay === 0) return date;
  return `${date}T${clock(inDay, false)}`;
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Milliseconds as "08:30:00" (".250" only when not whole seconds); elapsed hours may pass 24. */
function clock(ms: number, elapsed: boolean): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const seconds = Math.floor(ms / 1000);
  const rest = ms - seconds * 1000;
  const hours = Math.floor(seconds / 3600);
  const hh = elapsed ? two(hours) : two(hours % 24);
  const text = `${hh}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
  return rest === 0 ? text : `${text}.${String(rest).padStart(3, '0').replace(/0+$/, '')}`;
}

/**
 * A date stored as text (t="d", ISO 8601, written by some libraries and by
 * strict OOXML): a midnight time is dropped, so it reads as a date serial would.
 */
export function isoDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  return m === null ? t : m[1]!;
}

/** OOXML's escape for characters XML cannot hold: "_x000D_" is a carriage return, "_x005F_" a "_". */
export function unescapeXstring(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
