// Shared by the .xlsx reader's tests: the fixtures, loading through the one
// async door, and taking a workbook apart and putting it back together (to
// damage one part on purpose).
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import {
  loadSurveyFileAsync,
  previewSurveyFileAsync,
  type LoadOptions,
  type Loaded,
  type Preview,
} from '../../../src/core/pipeline';
import type { Result } from '../../../src/core/result';
import { zipParts } from '../../../scripts/make-xlsx-fixtures';

const FIXTURES = new URL('../../fixtures/xlsx/', import.meta.url);
const SURVEYS = new URL('../../../surveys/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function survey(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, SURVEYS)));
}

export type Respondents = Extract<Loaded, { kind: 'respondents' }>;
export type Distribution = Extract<Loaded, { kind: 'distribution' }>;

export function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export async function load(
  bytes: Uint8Array,
  opts: Partial<LoadOptions> = {},
): Promise<Result<Loaded>> {
  return loadSurveyFileAsync(bytes, { file: 'book.xlsx', ...opts });
}

export async function preview(
  bytes: Uint8Array,
  opts: Partial<LoadOptions> = {},
): Promise<Preview> {
  return value(await previewSurveyFileAsync(bytes, { file: 'book.xlsx', ...opts }));
}

export async function respondents(
  bytes: Uint8Array,
  opts: Partial<LoadOptions> = {},
): Promise<Respondents> {
  const l = value(await load(bytes, opts));
  if (l.kind !== 'respondents') throw new Error(`read as ${l.kind}`);
  return l;
}

/** A workbook's parts as text (see edited()). */
export function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, body] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(body);
  return out;
}

/** The workbook with one part's text changed. */
export function edited(
  bytes: Uint8Array,
  part: string,
  change: (xml: string) => string,
): Uint8Array {
  const p = parts(bytes);
  if (p[part] === undefined) throw new Error(`no part ${part}`);
  p[part] = change(p[part]);
  return zipParts(p);
}

/** Where the central directory record of `name` starts (to patch its fields). */
export function centralRecord(bytes: Uint8Array, name: string): number {
  const target = new TextEncoder().encode(name);
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 1 || bytes[at + 3] !== 2)
      continue;
    const length = bytes[at + 28]! | (bytes[at + 29]! << 8);
    if (length !== target.length) continue;
    if (target.every((b, i) => bytes[at + 46 + i] === b)) return at;
  }
  throw new Error(`no directory record for ${name}`);
}
