// Reading an SPSS system file (.sav, .zsav) into the engine's structures: the
// same RespondentTable, Schema and SurveyDefinition a CSV import produces, so
// the crosstab engine, the question page and the CLI work unchanged.
//
// How data becomes typed arrays: records.ts and dictionary.ts read the
// dictionary; schema.ts decides a Schema from it (and from the first cases,
// as the CSV reader does from its sample); the definition and the user's
// overrides are applied by the CSV reader's own functions. Then every case
// goes into the CSV reader's own table builder (table/encode.ts) through its
// per-column interface (rows.ts): dictionary codes for single and text
// questions, Float64Array for numbers, answer patterns for the file's
// dichotomy sets. Reusing the builder means a definition, an override or a
// --multi means exactly what it means for a CSV, and a definition names
// answers by the same texts (cells.ts: value labels, numbers, strings).
// Category sets, which no CSV layout expresses, get their own pattern encoder
// (categories.ts) fed the same cells.
import { applyDefinition, definitionOf } from '../definition/apply';
import type { DefinedQuestion, SurveyDefinition } from '../definition/definition';
import { located, problem, savMessages as M } from '../messages';
import type { Detected, LoadOptions, Loaded, Preview } from '../pipeline';
import { fail, ok, type Result } from '../result';
import { sampleAnswers } from '../schema/answers';
import { withMembers } from '../schema/members';
import { applyOverrides } from '../schema/overrides';
import type { Schema, SchemaOverride, SchemaQuestion } from '../schema/types';
import { fileStem } from '../surveys';
import { createTableBuilder } from '../table/encode';
import { applyAnswerOrder, type AnswerOrder } from '../table/order';
import type { Column, RespondentMeta, RespondentTable } from '../table/types';
import { CategorySetEncoder, compareCodes, type CategorySetSpec } from './categories';
import { cellReader, type CellReader } from './cells';
import { openCases, type CaseSource } from './data';
import { buildDictionary, type EncodingChoice, type SavDictionary } from './dictionary';
import { catchSav } from './errors';
import { readRecords } from './records';
import { rowWriter } from './rows';
import { categoryReason, savSchema, type SavSchema } from './schema';

export { looksLikeSav as isSavFile } from './header';

const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;
const DEFAULT_SAMPLE = 1000;
/** Capacity hint cap: buffers grow by doubling past it, so a lying header costs nothing. */
const MAX_CAPACITY_HINT = 1 << 20;
const PROGRESS_EVERY = 8192;

interface Prepared {
  dict: SavDictionary;
  readers: CellReader[];
  cases: CaseSource;
  sample: string[][];
  schema: Schema;
  categorySets: CategorySetSpec[];
  detected: Detected;
  /** Question ids whose answer order the definition gives. */
  orderedByDefinition: Set<string>;
}

/** Reads a whole .sav/.zsav file. Never throws: a damaged file is a SurveyError naming the byte. */
export function loadSavFile(bytes: Uint8Array, opts: LoadOptions): Result<Loaded> {
  const limit = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > limit)
    return fail(located({ file: opts.file }, problem('import-too-large', bytes.length, limit)));
  const run = catchSav(opts.file, () => {
    const prepared = prepare(bytes, opts, Math.max(1, opts.sampleRows ?? DEFAULT_SAMPLE));
    return prepared.ok ? build(prepared.value, opts) : prepared;
  });
  return run.ok ? run.value : run;
}

/** The dictionary, the first cases and the schema, for the import preview. */
export function previewSavFile(
  bytes: Uint8Array,
  opts: LoadOptions,
  previewRows: number,
): Result<Preview> {
  const run = catchSav(opts.file, (): Result<Preview> => {
    const sampleSize = Math.max(previewRows, opts.sampleRows ?? DEFAULT_SAMPLE);
    const prepared = prepare(bytes, opts, sampleSize);
    if (!prepared.ok) return prepared;
    const p = prepared.value;
    const schema = withCategorySets(p.schema, p.categorySets);
    const shown = p.sample.slice(0, previewRows);
    const promised = p.dict.raw.header.ncases;
    return ok({
      detected: p.detected,
      rows: [schema.columnNames.slice(), ...shown],
      schema,
      definition: definitionOf(schema, null, p.detected, opts.definition),
      answers: sampleAnswers(schema, p.sample),
      survey: null,
      truncated: promised < 0 ? moreCases(p.cases) : promised > shown.length,
    });
  });
  return run.ok ? run.value : run;
}

/** Whether another case follows (damage past the preview's rows does not fail the preview). */
function moreCases(cases: CaseSource): boolean {
  try {
    return cases.next() >= 0;
  } catch {
    return true;
  }
}

function prepare(bytes: Uint8Array, opts: LoadOptions, sampleSize: number): Result<Prepared> {
  const raw = readRecords(bytes);
  const def = opts.definition;
  // The file's own encoding record wins over a definition's (which may describe a CSV of
  // the same data); only the user's explicit choice overrides it.
  let chosen: EncodingChoice | undefined;
  if (opts.encoding !== undefined) chosen = { encoding: opts.encoding, reason: M.encodingChosen };
  else if (def?.encoding !== undefined && raw.ext.encoding === null)
    chosen = { encoding: def.encoding, reason: M.encodingDefinition };
  const dict = buildDictionary(raw, chosen);
  const readers = dict.variables.map((v) => cellReader(v, dict));
  const cases = openCases(dict);
  const sample: string[][] = [];
  for (let at = 0; sample.length < sampleSize && (at = cases.next()) >= 0;)
    sample.push(readers.map((r) => r.read(cases.bytes, cases.view, at)));

  const missingTokens = withBlank(opts.missingTokens ?? ['']);
  const base = savSchema(dict, readers, sample, missingTokens);
  const detected: Detected = {
    encoding: dict.encoding.encoding,
    encodingReason: dict.encoding.reason,
    delimiter: ',',
    delimiterReason: M.delimiterReason,
    shape: 'respondents',
    shapeReason: M.shapeReason,
    lossyLines: [],
    warnings: [...dict.warnings, ...base.warnings],
  };
  let schema = base.schema;
  let categorySets = base.categorySets;
  const orderedByDefinition = new Set<string>();
  if (def !== undefined) {
    const decided = withDefinition(base, def, opts.file, sample);
    if (!decided.ok) return decided;
    schema = decided.value.schema;
    categorySets = decided.value.categorySets;
    for (const dq of def.questions ?? [])
      if (dq.answers !== undefined) orderedByDefinition.add(dq.id);
  }
  const overrides = expandSets(opts.schemaOverrides ?? [], schema, categorySets);
  categorySets = renameSets(overrides, categorySets);
  const ownOverrides = overrides.filter(
    (o) => !(o.type === 'rename' && categorySets.some((s) => s.id === o.id)),
  );
  if (opts.weightId !== undefined) ownOverrides.unshift({ type: 'weight', id: opts.weightId });
  if (opts.idColumnId !== undefined) ownOverrides.unshift({ type: 'id', id: opts.idColumnId });
  const overridden = applyOverrides(schema, ownOverrides, opts.file, sample);
  if (!overridden.ok) return overridden;
  for (const o of ownOverrides) if (o.type === 'answers') orderedByDefinition.add(o.id);
  // In a .sav, "" is how a cell says "no answer": it stays missing whatever else is listed.
  schema = { ...overridden.value, missingTokens: withBlank(overridden.value.missingTokens) };
  detected.warnings.push(...overridden.value.warnings);
  return ok({ dict, readers, cases, sample, schema, categorySets, detected, orderedByDefinition });
}

function build(p: Prepared, opts: LoadOptions): Result<Loaded> {
  const { dict, readers, cases, sample, schema, detected } = p;
  const promised = dict.raw.header.ncases;
  const capacity = Math.min(
    Math.max(16, promised >= 0 ? promised : 1024),
    Math.max(16, cases.maxCases),
    MAX_CAPACITY_HINT,
  );
  const builder = createTableBuilder(schema, meta(dict, opts), capacity);
  const sets = p.categorySets.map((s) => new CategorySetEncoder(s, capacity));
  const push = (cells: readonly string[]) => {
    builder.push(cells);
    for (const s of sets) s.push(cells);
  };
  for (const row of sample) push(row);
  const writer = rowWriter(builder.fused(readers.length), readers, sets);
  const total = dict.raw.bytes.length;
  for (let at = cases.next(); at >= 0; at = cases.next()) {
    writer.write(cases.bytes, cases.view, at);
    if (cases.count % PROGRESS_EVERY === 0) {
      opts.onProgress?.({ bytes: cases.offset(), totalBytes: total, rows: cases.count });
      if (opts.shouldCancel?.() === true)
        return fail(located({ file: opts.file }, problem('import-cancelled')));
    }
  }
  opts.onProgress?.({ bytes: total, totalBytes: total, rows: cases.count });
  if (builder.rowCount === 0) return fail(located({ file: opts.file }, problem('import-no-rows')));
  if (cases.shortBy > 0)
    detected.warnings.push(`${M.at(cases.offset())}: ${M.fewerCases(promised, cases.count)}.`);
  const lossy = readers.filter((r) => r.lossy).map((r) => r.variable.name);
  if (lossy.length > 0) detected.warnings.push(M.lossyText(lossy.slice(0, 5)));

  const { table: built, warnings } = builder.finish();
  detected.warnings.push(...warnings);
  const ordered = applyAnswerOrder(built, codeOrder(schema, built, readers, p.orderedByDefinition));
  const finalSchema = withCategorySets(schema, p.categorySets);
  const table = withCategoryColumns(ordered, finalSchema, sets);
  const definition = definitionOf(finalSchema, table, detected, opts.definition);
  return ok({ kind: 'respondents', table, schema: finalSchema, definition, detected });
}

function meta(dict: SavDictionary, opts: LoadOptions): RespondentMeta {
  const def = opts.definition;
  return {
    title: def?.title ?? (dict.fileLabel || fileStem(opts.file)),
    notice: def?.notice ?? null,
    source: def?.source ?? null,
  };
}

const withBlank = (tokens: readonly string[]): string[] =>
  tokens.includes('') ? [...tokens] : ['', ...tokens];

/**
 * The definition decides as it does for a CSV (applyDefinition), except where
 * the file itself made a decision the definition is silent on: a definition
 * without `weight` keeps the file's WEIGHT BY; one that lists questions keeps
 * the file's multiple-response sets it does not replace; a listed question
 * without `missing` keeps the file's missing values.
 */
function withDefinition(
  base: SavSchema,
  def: SurveyDefinition,
  file: string,
  sample: readonly string[][],
): Result<{ schema: Schema; categorySets: CategorySetSpec[] }> {
  const names = base.schema.columnNames;
  const listed = def.questions;
  let categorySets = base.categorySets;
  let questions = listed;
  if (listed !== undefined) {
    const taken = new Set<DefinedQuestion>();
    const kept: CategorySetSpec[] = [];
    for (const set of base.categorySets) {
      // A category set travels in a definition as a multi question over its variables
      // with neither a separator nor chosen values.
      const dq = listed.find(
        (d) =>
          d.kind === 'multi' &&
          d.separator === undefined &&
          d.chosen === undefined &&
          d.columns.length === set.columns.length &&
          d.columns.every((c, k) => c === names[set.columns[k]!]),
      );
      if (dq !== undefined) {
        taken.add(dq);
        kept.push({ ...set, id: dq.id, text: dq.text });
      } else if (!listed.some((d) => d.id === set.id)) kept.push(set);
    }
    categorySets = kept;
    questions = listed.filter((d) => !taken.has(d));
  }
  const effective: SurveyDefinition = { ...def };
  if (questions !== undefined) effective.questions = questions;
  if (def.weight === undefined && base.schema.weightId !== null)
    effective.weight = base.schema.weightId;
  const applied = applyDefinition(base.schema, effective, file, sample);
  if (!applied.ok) return applied;
  let result: SchemaQuestion[] = applied.value.questions;
  if (listed !== undefined) {
    const have = new Set(result.map((q) => q.id));
    const sets = base.schema.questions.filter(
      (q) => q.multi?.encoding === 'columns' && !have.has(q.id),
    );
    result = [...result, ...sets.map((q) => ({ ...q }))];
  }
  const byId = new Map((listed ?? []).map((d) => [d.id, d]));
  for (const q of result) {
    if (byId.get(q.id)?.missing !== undefined) continue;
    const own = q.sourceColumns.flatMap((c) => base.columnMissing[c] ?? []);
    if (own.length > 0) q.missing = [...new Set([...(q.missing ?? []), ...own])];
  }
  return ok({ schema: withMembers({ ...applied.value, questions: result }), categorySets });
}

/** `--multi x=$loisirs`: a group naming a multiple-response set (by name or label) means its variables. */
function expandSets(
  overrides: readonly SchemaOverride[],
  schema: Schema,
  sets: readonly CategorySetSpec[],
): SchemaOverride[] {
  const names = schema.columnNames;
  const expand = (c: string): string[] => {
    const battery = schema.questions.find(
      (q) => q.multi?.encoding === 'columns' && (q.id === c || q.text === c),
    );
    const columns = battery?.sourceColumns ?? sets.find((s) => s.id === c || s.text === c)?.columns;
    return columns === undefined ? [c] : columns.map((k) => names[k] ?? c);
  };
  return overrides.map((o) =>
    o.type === 'group' ? { ...o, columns: o.columns.flatMap(expand) } : o,
  );
}

function renameSets(
  overrides: readonly SchemaOverride[],
  sets: CategorySetSpec[],
): CategorySetSpec[] {
  return sets.map((s) => {
    let text = s.text;
    for (const o of overrides) if (o.type === 'rename' && o.id === s.id) text = o.text;
    return { ...s, text };
  });
}

/** Single answers in the order of their codes (value labels first by code, unlabelled codes among them). */
function codeOrder(
  schema: Schema,
  table: RespondentTable,
  readers: readonly CellReader[],
  fromDefinition: ReadonlySet<string>,
): AnswerOrder {
  // No prototype: a variable may be named "__proto__".
  const order = Object.create(null) as Record<string, readonly string[]>;
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  for (const q of schema.questions) {
    const column = byId.get(q.id);
    if (column?.type !== 'single' || q.sourceColumns.length !== 1) continue;
    if (fromDefinition.has(q.id)) {
      if (q.answers !== undefined) order[q.id] = q.answers;
      continue;
    }
    const reader = readers[q.sourceColumns[0]!];
    if (reader === undefined) continue;
    const labels = column.labels.map((label, i) => ({ label, i, code: reader.codeOf(label) }));
    labels.sort((a, b) => compareCodes(a.code, b.code) || a.i - b.i);
    order[q.id] = labels.map((l) => l.label);
  }
  return order;
}

/** The schema with each category set as a multi question just before its first variable. */
function withCategorySets(schema: Schema, sets: readonly CategorySetSpec[]): Schema {
  if (sets.length === 0) return schema;
  const questions = schema.questions.map((q) => ({ ...q }));
  for (const s of sets) {
    const first = Math.min(...s.columns);
    const missing = [...new Set(s.missing.flatMap((m) => [...m]))];
    const q: SchemaQuestion = {
      id: s.id,
      text: s.text,
      kind: 'multi',
      sourceColumns: [...s.columns],
      multi: null,
      grid: null,
      reason: categoryReason(s.columns.length),
    };
    if (missing.length > 0) q.missing = missing;
    let at = questions.findIndex((x) => (x.sourceColumns[0] ?? 0) >= first);
    if (at < 0) at = questions.length;
    questions.splice(at, 0, q);
    for (const m of questions)
      if (
        m.sourceColumns.length === 1 &&
        s.columns.includes(m.sourceColumns[0]!) &&
        m.memberOf === undefined &&
        m.id !== s.id
      )
        m.memberOf = s.id;
  }
  return { ...schema, questions };
}

/** The table's columns in the schema's order, category sets included. */
function withCategoryColumns(
  table: RespondentTable,
  schema: Schema,
  sets: readonly CategorySetEncoder[],
): RespondentTable {
  if (sets.length === 0) return table;
  const byId = new Map<string, Column>(table.columns.map((c) => [c.id, c]));
  for (const s of sets) byId.set(s.spec.id, s.finish());
  const columns: Column[] = [];
  for (const q of schema.questions) {
    const c = byId.get(q.id);
    if (c === undefined) continue;
    columns.push(
      q.memberOf !== undefined && c.memberOf === undefined ? { ...c, memberOf: q.memberOf } : c,
    );
  }
  return { ...table, columns };
}
