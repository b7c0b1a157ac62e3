// From raw records to variables: long strings joined from their continuation
// records, very long strings joined from their segments (subtype 14), long
// names (13), labels, value labels (3/4 and 21), missing values (the variable
// record and 22), measures (11), the weight and the multiple-response sets
// (7/19), with every text decoded in the file's encoding.
import type { EncodingName } from '../csv/encoding';
import { savEncoding, type SavEncoding } from './encoding';
import { SavError } from './errors';
import type { Measure } from './extension';
import { savMessages as M } from '../messages';
import { parseMrSets } from './mrsets';
import { ascii, trimRight } from './reader';
import type { RawDictionary } from './records';
import type { RawVariable } from './variable';

export interface SavValueLabel {
  value: number | string;
  label: string;
}

export interface SavMissing {
  /** Discrete missing values: numbers, or strings (trimmed). */
  values: (number | string)[];
  /** A range of missing numbers, ends included (LOWEST and HIGHEST as ±DBL_MAX). */
  range: { lo: number; hi: number } | null;
}

/** Where a variable's bytes are in a case: `bytes` bytes from the start of `slot` (8-byte units). */
export interface Segment {
  slot: number;
  bytes: number;
}

export interface SavVariable {
  /** The long name (unique in the file): the column's name, as a CSV export would write it. */
  name: string;
  shortName: string;
  /** The variable label: the question's wording. */
  label: string | null;
  type: 'numeric' | 'string';
  /** Bytes of a string variable (0 for numeric). */
  width: number;
  segments: Segment[];
  /** 1-based index of its first variable record (the header's weight index and labels use it). */
  dictIndex: number;
  /** In code order: numbers ascending, strings by value. */
  valueLabels: SavValueLabel[];
  missing: SavMissing;
  measure: Measure;
}

export interface SavMrSet {
  /** "$loisirs". */
  name: string;
  /** The set's label ("" when it has none). */
  label: string;
  kind: 'category' | 'dichotomy';
  /** Dichotomy sets: the counted value, trimmed. */
  counted: string | null;
  countedValueLabels: boolean;
  labelFromVariable: boolean;
  variables: SavVariable[];
}

export interface SavDictionary {
  raw: RawDictionary;
  encoding: SavEncoding;
  variables: SavVariable[];
  /** 8-byte slots in each case. */
  slots: number;
  weight: SavVariable | null;
  mrsets: SavMrSet[];
  fileLabel: string;
  sysmis: number;
  warnings: string[];
  /** Decodes text in the file's encoding. */
  decode(bytes: Uint8Array): string;
  /** The variable owning slot `slot` (for messages). */
  variableAt(slot: number): SavVariable | null;
}

interface Piece {
  raw: RawVariable;
  /** 0-based index of its first variable record (= its first slot). */
  slot: number;
  width: number;
  shortName: string;
}

/** Encoding chosen by the user or a definition, overriding what the file says. */
export interface EncodingChoice {
  encoding: EncodingName;
  reason: string;
}

export function buildDictionary(raw: RawDictionary, chosen?: EncodingChoice): SavDictionary {
  const { header, ext } = raw;
  const warnings: string[] = [];
  const fileEncoding = savEncoding(ext.encoding, ext.integer?.characterCode ?? null);
  const encoding: SavEncoding = chosen === undefined ? fileEncoding : { ...chosen, warning: null };
  if (encoding.warning !== null) warnings.push(encoding.warning);
  const decode = textDecoder(encoding.encoding);
  const text = (b: Uint8Array) => decode(trimRight(b)).trim();

  const pieces = joinContinuations(raw.variables, text);
  const byShort = new Map<string, number>();
  pieces.forEach((p, i) => {
    if (!byShort.has(p.shortName.toUpperCase())) byShort.set(p.shortName.toUpperCase(), i);
  });
  // Very long strings: a piece named in subtype 14 absorbs the pieces after it.
  const absorbed = new Set<number>();
  const segmentsOf = new Map<number, { width: number; segments: Segment[] }>();
  if (ext.veryLong !== null) {
    const at = ext.veryLong.offset;
    for (const tuple of ascii(ext.veryLong.bytes).split('\t')) {
      const clean = tuple.replace(/\0/g, '');
      if (clean.trim() === '') continue;
      const eq = clean.indexOf('=');
      const short = clean.slice(0, Math.max(0, eq)).trim().toUpperCase();
      const widthText = clean.slice(eq + 1).trim();
      const first = byShort.get(short);
      if (eq < 0 || first === undefined) throw new SavError(at, M.vlsUnknown(short || clean));
      const width = /^\d{1,5}$/.test(widthText) ? Number(widthText) : NaN;
      if (!(width > 255 && width <= 32767)) throw new SavError(at, M.vlsBadWidth(short, widthText));
      const n = Math.ceil(width / 252);
      const segments: Segment[] = [];
      let left = width;
      for (let k = 0; k < n; k++) {
        const p = pieces[first + k];
        if (p === undefined || p.width === 0 || (k > 0 && absorbed.has(first + k)))
          throw new SavError(at, M.vlsSegments(short, width));
        const take = Math.min(left, 255, p.width);
        if (take > 0) segments.push({ slot: p.slot, bytes: take });
        left -= take;
        if (k > 0) absorbed.add(first + k);
      }
      segmentsOf.set(first, { width, segments });
    }
  }

  const longNames = new Map<string, string>();
  if (ext.longNames !== null)
    for (const pair of decode(ext.longNames).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq > 0) longNames.set(pair.slice(0, eq).trim().toUpperCase(), pair.slice(eq + 1).trim());
    }
  const measures = ext.measures;
  const measureCount = measures === null ? 0 : measures.length;
  const perPiece =
    measureCount === pieces.length * 3 ? 3 : measureCount === pieces.length * 2 ? 2 : 0;

  const variables: SavVariable[] = [];
  const byFirstSlot = new Map<number, SavVariable>();
  const used = new Set<string>();
  pieces.forEach((p, i) => {
    if (absorbed.has(i)) return;
    const vls = segmentsOf.get(i);
    let name = longNames.get(p.shortName.toUpperCase()) || p.shortName || `VAR${i + 1}`;
    for (let k = 2; used.has(name); k++) name = `${name} (${k})`;
    used.add(name);
    const numeric = p.width === 0;
    const v: SavVariable = {
      name,
      shortName: p.shortName,
      label: p.raw.label === null ? null : decode(p.raw.label).trim() || null,
      type: numeric ? 'numeric' : 'string',
      width: vls?.width ?? p.width,
      segments: vls?.segments ?? [{ slot: p.slot, bytes: numeric ? 8 : p.width }],
      dictIndex: p.slot + 1,
      valueLabels: [],
      missing: missingOf(p.raw, header.little, text),
      measure: perPiece === 0 ? null : (measures![i * perPiece] ?? null),
    };
    variables.push(v);
    byFirstSlot.set(p.slot, v);
  });

  applyValueLabels(raw, byFirstSlot, decode, text);
  const byName = (name: string): SavVariable | undefined => {
    const upper = name.toUpperCase();
    return (
      variables.find((v) => v.name.toUpperCase() === upper) ??
      variables.find((v) => v.shortName.toUpperCase() === upper)
    );
  };
  for (const ls of ext.longStringLabels) {
    const v = byName(decode(ls.name).trim());
    if (v === undefined || v.type !== 'string') continue;
    const seen = new Set(v.valueLabels.map((l) => l.value));
    for (const { value, label } of ls.labels) {
      const key = text(value);
      if (seen.has(key)) continue;
      seen.add(key);
      v.valueLabels.push({ value: key, label: decode(label).trim() });
    }
  }
  for (const lm of ext.longStringMissing) {
    const v = byName(decode(lm.name).trim());
    if (v === undefined || v.type !== 'string') continue;
    v.missing = { values: lm.values.map(text), range: null };
  }
  for (const v of variables) v.valueLabels.sort(byCode);

  let weight: SavVariable | null = null;
  if (header.weightIndex > 0) {
    const w = byFirstSlot.get(header.weightIndex - 1);
    if (w !== undefined && w.type === 'numeric') weight = w;
    else warnings.push(M.weightNotNumeric(header.weightIndex));
  }

  const mrsets: SavMrSet[] = [];
  for (const record of ext.mrsets) {
    const parsed = parseMrSets(record.bytes);
    for (const s of parsed.sets) {
      const name = decode(s.name).trim();
      const members: SavVariable[] = [];
      let problem: string | null = null;
      for (const vb of s.variables) {
        const v = byShortOrLong(variables, decode(vb).trim());
        if (v === undefined) {
          problem = M.mrsetUnknownVariable(decode(vb).trim());
          break;
        }
        if (!members.includes(v)) members.push(v);
      }
      if (problem === null && members.length === 0) problem = M.mrsetEmpty;
      if (problem === null && new Set(members.map((m) => m.type)).size > 1) problem = M.mrsetMixed;
      if (problem !== null) {
        warnings.push(M.mrsetSkipped(name, problem));
        continue;
      }
      mrsets.push({
        name,
        label: decode(s.label).trim(),
        kind: s.kind,
        counted: s.counted === null ? null : text(s.counted),
        countedValueLabels: s.countedValueLabels,
        labelFromVariable: s.labelFromVariable,
        variables: members,
      });
    }
    if (parsed.errorAt >= 0)
      warnings.push(
        M.mrsetSkipped(
          parsed.errorName === null ? '(unnamed)' : decode(parsed.errorName).trim() || '(unnamed)',
          M.mrsetSyntax(parsed.errorAt),
        ),
      );
  }

  const slotOwner = new Int32Array(raw.variables.length).fill(-1);
  variables.forEach((v, k) => {
    for (const s of v.segments)
      for (let j = 0; j < Math.ceil(s.bytes / 8) || j === 0; j++) slotOwner[s.slot + j] = k;
  });
  return {
    raw,
    encoding,
    variables,
    slots: raw.variables.length,
    weight,
    mrsets,
    fileLabel: text(header.label),
    sysmis: ext.float?.sysmis ?? -Number.MAX_VALUE,
    warnings,
    decode,
    variableAt: (slot) => variables[slotOwner[slot] ?? -1] ?? variables[0] ?? null,
  };
}

/**
 * Bytes -> text in the file's encoding, one field at a time. Single-byte
 * encodings are decoded in streaming mode: Node's one-shot TextDecoder reads
 * some Windows-1252 input as Latin-1 (0x85 as a control character, not "…"),
 * while its streaming path is right; a single-byte decoder never holds bytes
 * back, so fields cannot run into each other. Windows-1252's five undefined
 * bytes become U+FFFD, as the CSV reader makes them.
 */
function textDecoder(encoding: EncodingName): (bytes: Uint8Array) => string {
  const decoder = new TextDecoder(encoding);
  if (encoding === 'windows-1252')
    return (b) => decoder.decode(b, { stream: true }).replace(/[\u0080-\u009f]/g, '\uFFFD');
  if (encoding === 'macintosh') return (b) => decoder.decode(b, { stream: true });
  return (b) => decoder.decode(b);
}

function byShortOrLong(variables: SavVariable[], name: string): SavVariable | undefined {
  const upper = name.toUpperCase();
  return (
    variables.find((v) => v.shortName.toUpperCase() === upper) ??
    variables.find((v) => v.name.toUpperCase() === upper)
  );
}

/** Groups variable records into variables: a string of width w spans ceil(w / 8) records. */
function joinContinuations(raw: RawVariable[], text: (b: Uint8Array) => string): Piece[] {
  const pieces: Piece[] = [];
  for (let k = 0; k < raw.length;) {
    const r = raw[k]!;
    if (r.type === -1) throw new SavError(r.offset, M.orphanContinuation);
    const slots = r.type === 0 ? 1 : Math.ceil(r.type / 8);
    const shortName = text(r.name);
    for (let j = 1; j < slots; j++)
      if (raw[k + j]?.type !== -1)
        throw new SavError(
          raw[k + j]?.offset ?? r.offset,
          M.missingContinuation(shortName, slots - 1, j - 1),
        );
    pieces.push({ raw: r, slot: k, width: r.type, shortName });
    k += slots;
  }
  return pieces;
}

function missingOf(r: RawVariable, little: boolean, text: (b: Uint8Array) => string): SavMissing {
  if (r.missingCode === 0) return { values: [], range: null };
  if (r.type > 0) return { values: r.missing.map(text), range: null };
  const nums = r.missing.map((b) => new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, little));
  if (r.missingCode > 0) return { values: nums, range: null };
  return {
    values: r.missingCode === -3 ? [nums[2]!] : [],
    range: { lo: nums[0]!, hi: nums[1]! },
  };
}

function applyValueLabels(
  raw: RawDictionary,
  byFirstSlot: Map<number, SavVariable>,
  decode: (b: Uint8Array) => string,
  text: (b: Uint8Array) => string,
): void {
  const n = raw.variables.length;
  for (const rec of raw.valueLabels) {
    const targets: SavVariable[] = [];
    for (const index of rec.indexes) {
      if (index < 1 || index > n) throw new SavError(rec.offset, M.labelIndex(index, n));
      const v = byFirstSlot.get(index - 1);
      if (v === undefined) throw new SavError(rec.offset, M.labelOnContinuation(index));
      targets.push(v);
    }
    const numeric = targets.every((v) => v.type === 'numeric');
    const short = targets.every((v) => v.type === 'string' && v.width <= 8);
    if (targets.length > 0 && !numeric && !short) throw new SavError(rec.offset, M.labelMixedTypes);
    const little = raw.header.little;
    for (const v of targets) {
      const seen = new Set(v.valueLabels.map((l) => l.value));
      for (const { value, label } of rec.labels) {
        const key = numeric
          ? new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, little)
          : text(value);
        if (seen.has(key) || (typeof key === 'number' && Number.isNaN(key))) continue;
        seen.add(key);
        v.valueLabels.push({ value: key, label: decode(label).trim() });
      }
    }
  }
}

function byCode(a: SavValueLabel, b: SavValueLabel): number {
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  const x = String(a.value);
  const y = String(b.value);
  return x < y ? -1 : x > y ? 1 : 0;
}
