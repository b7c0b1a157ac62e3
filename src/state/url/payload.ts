// A published survey carried inside a share link, so the recipient needs
// nothing else: {v: 1, survey} as compact JSON, DEFLATE (fflate, level 9) in
// its zlib wrapper, base64url. The wrapper costs 6 bytes and carries an
// Adler-32 checksum, checked here (fflate does not), so a link changed in
// transit is refused rather than opened with a changed figure. Only small surveys travel this way (MAX_PAYLOAD_CHARS); bigger
// ones are named by their file's fingerprint instead.
//
// Decoding treats the text as hostile: strict base64url, a cap on the input,
// an inflate that stops at MAX_INFLATED_BYTES (zip bombs), strict UTF-8,
// JSON.parse that drops "__proto__"/"constructor"/"prototype" keys, then a zod
// schema (zod/mini, the tree-shakable API) that mirrors
// src/core/published/types.ts with every string and array bounded, numbers
// finite and kinds enumerated. zod builds fresh objects with only the known
// keys, so nothing else in the payload reaches the app.
import { Inflate, zlibSync } from 'fflate';
import * as z from 'zod/mini';
import { problem } from '../../core/messages';
import { fail, ok } from '../../core/result';
import type { Result } from '../../core/result';
import { checkDefinition, type SurveyDefinition } from '../../core/definition/definition';
import type { PublishedSurvey } from '../../core/published/types';
import { fromBase64Url, toBase64Url } from './base64url';

/** The payload format version; a link with another version is refused with a clear message. */
const PAYLOAD_VERSION = 1;
/** The longest payload a link carries, in base64url characters ("a few KB compressed"). */
export const MAX_PAYLOAD_CHARS = 6000;
/**
 * The longest payload text decoding looks at: more than encoding ever writes
 * (room for a later, larger limit), small enough that inflating it is cheap.
 */
export const MAX_DECODE_CHARS = 4 * MAX_PAYLOAD_CHARS;
/** Inflating stops past this many bytes: no shared survey is near it, a zip bomb is. */
export const MAX_INFLATED_BYTES = 1024 * 1024;
/**
 * The longest definition a link carries. A definition names every column and
 * answer, so it is longer than a small published survey; fragments are never
 * sent to a server, so only the address bar's own limits apply (far above this).
 */
const MAX_DEFINITION_CHARS = 32000;

// Bounds: far above any real survey (the largest bundled label is ~70
// characters), low enough that a hostile payload cannot make the UI lay out
// megabytes of text. The 1 MB inflate cap bounds the whole anyway.
const LONG_TEXT = 4000;
const SHORT_TEXT = 1000;
const PERCENT_TEXT = 64;

const longText = z.string().check(z.maxLength(LONG_TEXT));
const shortText = z.string().check(z.maxLength(SHORT_TEXT));
/** An integer from 0 to max; z.int() as a check is what classic zod's .int() adds. */
const count = (max: number) => z.number().check(z.int(), z.minimum(0), z.maximum(max));

const percentSchema = z.object({
  text: z.string().check(z.maxLength(PERCENT_TEXT)),
  // zod 4's number() refuses NaN and ±Infinity (JSON's 1e999 parses to Infinity).
  value: z.number(),
  decimals: count(20),
  lowerBound: z.boolean(),
});

const optionSchema = z.object({
  label: shortText,
  percent: z.nullable(percentSchema),
  rank: z.nullable(count(1_000_000)),
  omitted: z.boolean(),
});

const seriesSchema = z.object({
  segment: z.nullable(shortText),
  base: z.nullable(longText),
  subgroup: z.boolean(),
  baseN: z.nullable(count(Number.MAX_SAFE_INTEGER)),
  options: z.array(optionSchema).check(z.maxLength(1000)),
});

const questionSchema = z.object({
  id: z.string().check(z.maxLength(500)),
  text: longText,
  declaredKind: z.nullable(z.enum(['single', 'multi', 'numeric', 'text'])),
  note: z.nullable(longText),
  series: z.array(seriesSchema).check(z.maxLength(200)),
});

const metaSchema = z.object({
  title: longText,
  publisher: z.nullable(shortText),
  date: z.nullable(z.string().check(z.maxLength(100))),
  population: z.nullable(longText),
  source: z.nullable(longText),
  sourceUrl: z.nullable(z.string().check(z.maxLength(2000))),
});

/** The zod mirror of PublishedSurvey (src/core/published/types.ts). */
const publishedSurveySchema = z.object({
  format: z.literal('distribution'),
  meta: metaSchema,
  questions: z.array(questionSchema).check(z.maxLength(2000)),
});

const envelopeSchema = z.object({
  v: z.literal(PAYLOAD_VERSION),
  survey: publishedSurveySchema,
});

// The schema and the contract must stay the same type: this fails to compile
// when a field is added to one and not the other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesContract: Same<z.infer<typeof publishedSurveySchema>, PublishedSurvey> = true;
void schemaMatchesContract;

/**
 * A JSON value as link text: compact JSON, zlib (level 9), base64url; null past
 * `maxChars` (a link that would not open is never made).
 */
function packJson(value: unknown, maxChars: number): string | null {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (bytes.length > MAX_INFLATED_BYTES) return null;
  const text = toBase64Url(zlibSync(bytes, { level: 9 }));
  return text.length > maxChars ? null : text;
}

/**
 * The survey as link text, or null when it cannot travel in a link: larger
 * than MAX_PAYLOAD_CHARS once compressed, or outside the schema's bounds (a
 * link that would not open is never made).
 */
export function encodeSurveyPayload(survey: PublishedSurvey): string | null {
  const checked = publishedSurveySchema.safeParse(survey);
  if (!checked.success) return null;
  return packJson({ v: PAYLOAD_VERSION, survey: checked.data }, MAX_PAYLOAD_CHARS);
}

/**
 * A respondent survey's definition as link text, beside its file's fingerprint,
 * so the recipient reads the file with the sender's decisions; null when too long.
 */
export function encodeDefinitionPayload(definition: SurveyDefinition): string | null {
  return packJson({ v: PAYLOAD_VERSION, definition }, MAX_DEFINITION_CHARS);
}

/** The definition a link carries, checked as any definition file is. */
export function decodeDefinitionPayload(text: string): Result<SurveyDefinition> {
  const unpacked = unpackJson(text, MAX_DEFINITION_CHARS);
  if (!unpacked.ok) return unpacked;
  const definition = (unpacked.value as { definition?: unknown }).definition;
  const checked = checkDefinition(definition, 'link');
  if (!checked.ok) return fail(problem('share-payload-shape', 'definition', checked.error.message));
  return checked;
}

/**
 * Link text back to a JSON object with its envelope's version checked:
 * strict base64url, a cap on the input, capped inflate, the zlib checksum,
 * strict UTF-8, and JSON.parse without prototype keys.
 */
function unpackJson(text: string, maxChars: number): Result<object> {
  if (text.length === 0) return fail(problem('share-payload-empty'));
  if (text.length > maxChars) {
    return fail(problem('share-payload-too-long', text.length, maxChars));
  }
  const bytes = fromBase64Url(text);
  if (bytes === null || bytes.length === 0) {
    return fail(problem('share-payload-not-base64'));
  }
  // zlib: a 2-byte header (DEFLATE, no preset dictionary), the stream, Adler-32.
  const cmf = bytes[0] ?? 0;
  const flg = bytes[1] ?? 0;
  if (bytes.length < 7 || (cmf & 0x0f) !== 8 || (cmf * 256 + flg) % 31 !== 0 || flg & 0x20) {
    return fail(problem('share-payload-not-deflate'));
  }
  const inflated = inflateCapped(bytes.subarray(2, -4), MAX_INFLATED_BYTES);
  if (inflated === 'too-large') {
    return fail(problem('share-payload-too-large', MAX_INFLATED_BYTES));
  }
  if (inflated === 'damaged') return fail(problem('share-payload-not-deflate'));
  const tail = bytes.subarray(-4);
  const expected = ((tail[0]! << 24) | (tail[1]! << 16) | (tail[2]! << 8) | tail[3]!) >>> 0;
  if (adler32(inflated) !== expected) return fail(problem('share-payload-checksum'));
  let parsed: unknown;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    parsed = JSON.parse(json, dropPrototypeKeys);
  } catch {
    return fail(problem('share-payload-not-json'));
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(problem('share-payload-not-json'));
  }
  const version: unknown = (parsed as { v?: unknown }).v;
  if (version !== PAYLOAD_VERSION && (typeof version === 'number' || typeof version === 'string')) {
    return fail(problem('share-payload-version', String(version).slice(0, 20)));
  }
  return ok(parsed);
}

/** The survey a link carries; every failure is a SurveyError saying what to ask the sender for. */
export function decodeSurveyPayload(text: string): Result<PublishedSurvey> {
  const unpacked = unpackJson(text, MAX_DECODE_CHARS);
  if (!unpacked.ok) return unpacked;
  const parsed = unpacked.value;
  const checked = envelopeSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const path = issue === undefined ? '' : issuePath(issue.path);
    const missing = issue !== undefined && valueAt(parsed, issue.path) === undefined;
    return fail(problem('share-payload-shape', path, issueProblem(issue, missing)));
  }
  return ok(checked.data.survey);
}

/**
 * Inflate raw DEFLATE, stopping as soon as the output passes `cap` bytes.
 * Input is fed in 1 KB slices: DEFLATE expands at most ~1032:1, so no single
 * step can allocate much more than the cap.
 */
function inflateCapped(bytes: Uint8Array, cap: number): Uint8Array | 'too-large' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) over = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  const SLICE = 1024;
  try {
    for (let i = 0; i < bytes.length && !over; i += SLICE) {
      inflater.push(bytes.subarray(i, i + SLICE), i + SLICE >= bytes.length);
    }
  } catch {
    return over ? 'too-large' : 'damaged';
  }
  if (over) return 'too-large';
  if (!ended) return 'damaged';
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Adler-32 (RFC 1950) of bytes, as the zlib trailer stores it. */
export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b may pass 2^32 (zlib's NMAX).
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** JSON.parse reviver: keys that could reach a prototype are dropped, whatever their value. */
function dropPrototypeKeys(key: string, value: unknown): unknown {
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value;
}

/** ["survey", "questions", 2, "text"] -> "questions[2].text" (without the envelope's "survey"). */
function issuePath(path: readonly PropertyKey[]): string {
  const rest = path[0] === 'survey' && path.length > 1 ? path.slice(1) : path;
  let out = '';
  for (const part of rest) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out.slice(0, 200);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null || typeof key === 'symbol') return undefined;
    if (!Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function issueProblem(issue: z.core.$ZodIssue | undefined, missing: boolean): string {
  if (missing) return 'is missing';
  switch (issue?.code) {
    case 'invalid_type':
      return 'has the wrong type of value';
    case 'too_big':
      return issue.origin === 'string'
        ? 'is too long'
        : issue.origin === 'array'
          ? 'has too many entries'
          : 'is too large';
    case 'too_small':
      return issue.origin === 'string' ? 'is too short' : 'is too small';
    case 'invalid_value':
      return 'is not one of the allowed values';
    default:
      return 'is not valid';
  }
}
