// The bundled surveys as JSON: what the build writes (scripts/bundledSurveys.ts)
// and the page decodes (./bundled.ts). Kept apart from ./bundledLoad.ts so the
// page's code holds no reader.
import type { StoredSurvey } from '../state/models/stored';

export interface BundledLoad {
  records: StoredSurvey[];
  errors: { file: string; message: string }[];
}

// The JSON form of the records. Typed arrays (the columns' codes, masks and
// values) become {"$array": type, "values": [...]}: integers as numbers; in a
// Float64Array NaN (missing) as null and -0 as "-0", so every value comes back
// bit for bit. Anything else JSON would change (NaN or Infinity outside a typed
// array, a Map, a Set, a Date) stops the encoding instead.
const ARRAYS = { Uint8Array, Uint16Array, Uint32Array, Float64Array } as const;
type ArrayName = keyof typeof ARRAYS;
type Encoded = { $array: ArrayName; values: (number | null | '-0')[] };

const isArrayName = (name: unknown): name is ArrayName =>
  typeof name === 'string' && Object.hasOwn(ARRAYS, name);

function encodeValue(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error(`${key} is ${value}, which JSON cannot keep`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (ArrayBuffer.isView(value)) {
    const name = (Object.keys(ARRAYS) as ArrayName[]).find((n) => value instanceof ARRAYS[n]);
    if (name === undefined)
      throw new Error(`${key} is a ${value.constructor.name}, which the bundle cannot keep`);
    const values = Array.from(value as unknown as ArrayLike<number>, (v) =>
      Number.isNaN(v) ? null : Object.is(v, -0) ? ('-0' as const) : v,
    );
    return { $array: name, values } satisfies Encoded;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new Error(`${key} is not a plain object, which JSON cannot keep`);
  return value;
}

/** The bundled surveys as JSON text (what the build writes). */
export function encodeBundled(records: readonly StoredSurvey[]): string {
  return JSON.stringify({ records }, encodeValue);
}

function decodeValue(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || !('$array' in value)) return value;
  const { $array: name, values } = value as Partial<Encoded>;
  if (!isArrayName(name) || !Array.isArray(values)) throw new Error('an array is damaged');
  const out = new ARRAYS[name](values.length);
  values.forEach((v, i) => {
    out[i] = v === null ? NaN : v === '-0' ? -0 : v;
  });
  return out;
}

/** The records `encodeBundled` wrote. Throws if the text is not such a file. */
export function decodeBundled(text: string): StoredSurvey[] {
  const parsed: unknown = JSON.parse(text, decodeValue);
  const records =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as { records?: unknown }).records
      : null;
  if (!Array.isArray(records)) throw new Error('it holds no list of surveys');
  return records as StoredSurvey[];
}
