// How a Parquet value becomes what the CSV reader would have seen in a cell:
// strings as they are, numbers in their shortest form ("3", "2.5"; floats as
// short as they round-trip), booleans as "true"/"false", dates, times and
// timestamps as ISO 8601 text (with "Z" only when the column says the
// instant is UTC), anything else binary as hex. null is a blank cell, which
// is always missing. Numbers meant for a numeric question skip the text.
import type { ParquetParsers, SchemaElement } from 'hyparquet';

/** What a column's decoded values are, which decides how they become cells. */
export type ValueKind =
  | 'string'
  | 'number'
  | 'float32'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'bytes'
  | 'unsupported';

export interface ValueColumn {
  kind: ValueKind;
  /** time/timestamp: units per second (1e3, 1e6 or 1e9); INT96 is nanoseconds. */
  perSecond: number;
  /** timestamp: the value is an instant in UTC (written with "Z"). */
  utc: boolean;
}

const unitsPerSecond = (unit: string | undefined): number =>
  unit === 'MICROS' ? 1e6 : unit === 'NANOS' ? 1e9 : 1e3;

/** The kind of a flat (primitive, not repeated) column. */
export function valueColumn(element: SchemaElement): ValueColumn {
  const { type, converted_type: ctype, logical_type: ltype } = element;
  const plain = (kind: ValueKind): ValueColumn => ({ kind, perSecond: 1e3, utc: false });
  const lt = ltype?.type;
  if (ctype === 'BSON' || ctype === 'INTERVAL' || lt === 'BSON' || lt === 'INTERVAL')
    return plain('unsupported');
  if (lt === 'GEOMETRY' || lt === 'GEOGRAPHY' || lt === 'VARIANT') return plain('unsupported');
  if (ctype === 'DATE' || lt === 'DATE') return plain('date');
  if (ltype?.type === 'TIMESTAMP')
    return { kind: 'timestamp', perSecond: unitsPerSecond(ltype.unit), utc: ltype.isAdjustedToUTC };
  if (ctype === 'TIMESTAMP_MILLIS') return { kind: 'timestamp', perSecond: 1e3, utc: true };
  if (ctype === 'TIMESTAMP_MICROS') return { kind: 'timestamp', perSecond: 1e6, utc: true };
  if (type === 'INT96') return { kind: 'timestamp', perSecond: 1e9, utc: true };
  if (ltype?.type === 'TIME')
    return { kind: 'time', perSecond: unitsPerSecond(ltype.unit), utc: ltype.isAdjustedToUTC };
  if (ctype === 'TIME_MILLIS') return { kind: 'time', perSecond: 1e3, utc: false };
  if (ctype === 'TIME_MICROS') return { kind: 'time', perSecond: 1e6, utc: false };
  if (type === 'BOOLEAN') return plain('boolean');
  if (type === 'FLOAT') return plain('float32');
  if (type === 'INT32' || type === 'INT64' || type === 'DOUBLE' || ctype === 'DECIMAL')
    return plain('number');
  if (lt === 'FLOAT16' || lt === 'DECIMAL') return plain('number');
  if (type === 'BYTE_ARRAY' || lt === 'UUID' || lt === 'STRING' || ctype === 'UTF8')
    return plain('string');
  if (lt === 'JSON' || lt === 'ENUM' || ctype === 'JSON' || ctype === 'ENUM')
    return plain('string');
  return plain('bytes');
}

const utf8 = new TextDecoder();

/**
 * hyparquet's conversions, changed where a survey wants text: JSON stays its
 * text (never parsed), and dates and timestamps stay numbers (days, units
 * since the epoch), which cellText writes as ISO 8601 knowing the column.
 */
export const PARSERS: Partial<ParquetParsers> = {
  jsonFromBytes: (b) => (b === undefined ? undefined : utf8.decode(b)),
  dateFromDays: (days) => days,
  timestampFromMilliseconds: (v) => v,
  timestampFromMicroseconds: (v) => v,
  timestampFromNanoseconds: (v) => v,
};

/** A cell's text, as the CSV reader would have read it ('' for null). */
export function cellText(v: unknown, col: ValueColumn): string {
  if (v === null || v === undefined) return '';
  switch (col.kind) {
    case 'date':
      return typeof v === 'number' ? isoDate(v) : String(v);
    case 'timestamp':
      return isoTimestamp(v, col);
    case 'time':
      return isoTime(v, col.perSecond);
    case 'float32':
      return typeof v === 'number' ? float32Text(v) : String(v);
    default:
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? '' : String(v);
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof Uint8Array) return hex(v);
  return String(v);
}

/** A value for a numeric question: the number itself; NaN for null; undefined: read its text. */
export function cellNumber(v: unknown): number | undefined {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/** The shortest decimal that reads back as the same 32-bit float (0.1f is "0.1", not "0.10000000149011612"). */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '' : String(x);
  for (let p = 1; p <= 9; p++) {
    const s = String(Number(x.toPrecision(p)));
    if (Math.fround(Number(s)) === x) return s;
  }
  return String(x);
}

const DAY_MS = 86_400_000;

function isoDate(days: number): string {
  const d = new Date(days * DAY_MS);
  return Number.isNaN(d.getTime()) ? String(days) : d.toISOString().slice(0, 10);
}

/** Units since the epoch as "2024-05-01T12:30:00Z" (fraction only when not zero). */
function isoTimestamp(v: unknown, col: ValueColumn): string {
  if (typeof v !== 'bigint' && typeof v !== 'number') return String(v);
  const units = BigInt(typeof v === 'number' ? Math.trunc(v) : v);
  const per = BigInt(col.perSecond);
  let seconds = units / per;
  let rest = units % per;
  if (rest < 0n) {
    seconds -= 1n;
    rest += per;
  }
  const ms = Number(seconds) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(v);
  const iso = d.toISOString(); // 2024-05-01T12:30:00.000Z
  return `${iso.slice(0, 19)}${fraction(rest, col.perSecond)}${col.utc ? 'Z' : ''}`;
}

/** Units since midnight as "12:30:05" (fraction only when not zero). */
function isoTime(v: unknown, perSecond: number): string {
  if (typeof v !== 'bigint' && typeof v !== 'number') return String(v);
  const units = BigInt(typeof v === 'number' ? Math.trunc(v) : v);
  const per = BigInt(perSecond);
  if (units < 0n) return String(v);
  const total = Number(units / per);
  const two = (n: number) => String(n).padStart(2, '0');
  const hms = `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
  return `${hms}${fraction(units % per, perSecond)}`;
}

function fraction(rest: bigint, perSecond: number): string {
  if (rest === 0n) return '';
  const digits = String(perSecond).length - 1;
  return `.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}
