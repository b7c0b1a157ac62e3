// One variable's value in a case, as the cell text the table encoders read
// (the same text a CSV export with value labels would hold):
// - system-missing, a blank string: "" (no answer);
// - a value with a value label: the label (labels made unique per variable);
// - a user-missing value: its label, or its number for a discrete one, which
//   the question lists as missing (so the survey definition records it and a
//   user can take it back); an unlabelled value inside a missing *range* is "",
//   since a definition lists values, not ranges;
// - any other value: its number ("3", "2.5") or its string, trimmed.
// Going through text keeps one encoder path for CSV and SPSS files: what the
// definition says about a column means the same for both.
import type { SavDictionary, SavVariable } from './dictionary';
import { trimRight } from './reader';

export interface CellReader {
  readonly variable: SavVariable;
  /** The cell text of this variable in the case starting at `base`. */
  read(bytes: Uint8Array, view: DataView, base: number): string;
  /** The cell text a value would have (a dichotomy set's counted value). */
  textOf(value: number | string): string;
  /** Cell texts that mean "missing" in this variable (labelled or discrete user-missing values). */
  readonly missingTexts: string[];
  /** Value labels (unique) on values that are not missing, in code order. */
  readonly validLabels: string[];
  /** The value a cell text stands for, to put answers in code order. */
  codeOf(text: string): number | string | undefined;
  /** Whether a decoded string held U+FFFD (text that did not decode cleanly). */
  lossy: boolean;
  /** Numeric variables: the raw value in the case (NaN for string variables). */
  number(view: DataView, base: number): number;
  /** Whether a raw value's cell is just its number (not missing, not labelled). */
  plain(x: number): boolean;
}

const NO_LABEL = ' (no label)';

/** A number as a cell: shortest text that reads back as the same number ("-0" as "0"). */
export function numberText(v: number): string {
  return v === 0 ? '0' : String(v);
}

export function cellReader(v: SavVariable, dict: SavDictionary): CellReader {
  const little = dict.raw.header.little;
  const sysmis = dict.sysmis;
  const range = v.missing.range;
  const discrete = new Set<number | string>(v.missing.values);
  const isMissing = (value: number | string): boolean =>
    discrete.has(value) ||
    (range !== null && typeof value === 'number' && value >= range.lo && value <= range.hi);

  // Unique label texts: an empty label reads as its value; a repeated one gets its value after it.
  const labelOf = new Map<number | string, string>();
  const valueOfLabel = new Map<string, number | string>();
  const validLabels: string[] = [];
  for (const { value, label } of v.valueLabels) {
    const plain = typeof value === 'number' ? numberText(value) : value;
    let text = label === '' ? plain : label;
    if (valueOfLabel.has(text)) text = `${text} (${plain})`;
    if (valueOfLabel.has(text) || text === '') continue;
    labelOf.set(value, text);
    valueOfLabel.set(text, value);
    if (!isMissing(value)) validLabels.push(text);
  }
  const unlabelled = (plain: string): string =>
    valueOfLabel.has(plain) ? `${plain}${NO_LABEL}` : plain;
  const missingTexts: string[] = [];
  for (const value of v.missing.values) {
    const label = labelOf.get(value);
    const text = label ?? unlabelled(typeof value === 'number' ? numberText(value) : value);
    if (text !== '' && !missingTexts.includes(text)) missingTexts.push(text);
  }
  if (range !== null)
    for (const [value, label] of labelOf)
      if (isMissing(value) && !missingTexts.includes(label)) missingTexts.push(label);

  const textOf = (value: number | string): string => {
    const label = labelOf.get(value);
    if (label !== undefined) return label;
    return typeof value === 'number' ? unlabelled(numberText(value)) : unlabelled(value);
  };
  const codeOf = (text: string): number | string | undefined => {
    const labelled = valueOfLabel.get(text);
    if (labelled !== undefined) return labelled;
    const plain = text.endsWith(NO_LABEL) ? text.slice(0, -NO_LABEL.length) : text;
    if (v.type === 'string') return plain;
    const n = Number(plain);
    return plain !== '' && Number.isFinite(n) ? n : undefined;
  };

  if (v.type === 'numeric') {
    const at = v.segments[0]!.slot * 8;
    const plainNumbers = labelOf.size === 0 && range === null;
    const reader: CellReader = {
      variable: v,
      missingTexts,
      validLabels,
      textOf,
      codeOf,
      lossy: false,
      number: (view, base) => view.getFloat64(base + at, little),
      plain: (x) =>
        x !== sysmis &&
        Number.isFinite(x) &&
        !labelOf.has(x) &&
        !discrete.has(x) &&
        (range === null || x < range.lo || x > range.hi),
      read(_bytes, view, base) {
        const x = view.getFloat64(base + at, little);
        if (x === sysmis || !Number.isFinite(x)) return '';
        if (plainNumbers) return numberText(x);
        const label = labelOf.get(x);
        if (label !== undefined) return label;
        if (range !== null && x >= range.lo && x <= range.hi) return '';
        return unlabelled(numberText(x));
      },
    };
    return reader;
  }

  const decode = dict.decode;
  const segments = v.segments;
  const scratch = segments.length > 1 ? new Uint8Array(v.width) : null;
  const reader: CellReader = {
    variable: v,
    missingTexts,
    validLabels,
    textOf,
    codeOf,
    lossy: false,
    number: () => NaN,
    plain: () => false,
    read(bytes, _view, base) {
      let raw: Uint8Array;
      if (scratch === null) {
        const s = segments[0]!;
        raw = bytes.subarray(base + s.slot * 8, base + s.slot * 8 + s.bytes);
      } else {
        // A very long string: its segments' bytes, joined.
        let n = 0;
        for (const s of segments) {
          scratch.set(bytes.subarray(base + s.slot * 8, base + s.slot * 8 + s.bytes), n);
          n += s.bytes;
        }
        raw = scratch.subarray(0, n);
      }
      raw = trimRight(raw);
      if (raw.length === 0) return '';
      const text = decode(raw).trim();
      if (text === '') return '';
      if (text.includes('\uFFFD')) this.lossy = true;
      const label = labelOf.get(text);
      if (label !== undefined) return label;
      return unlabelled(text);
    },
  };
  return reader;
}
