// Shared by the Parquet tests: CSV files through the pipeline, tables out to
// Parquet and back, and a table comparison that says which column differs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseDefinition, type SurveyDefinition } from '../../../src/core/definition/definition';
import { exportParquet } from '../../../src/core/parquet/index';
import {
  loadSurveyFile,
  loadSurveyFileAsync,
  type LoadOptions,
  type Loaded,
} from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';

export type Respondents = Extract<Loaded, { kind: 'respondents' }>;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
export const DEMO_CSV = `${ROOT}surveys/demo-simulated-wechat-respondents.csv`;
const DEMO_JSON = `${ROOT}surveys/demo-simulated-wechat-respondents.json`;

/** The shared survey files the round trips use (skipped, saying so, when ../shared is absent). */
export const DATASETS = [
  'questionr/questionr-hdv2003.csv',
  'fivethirtyeight/masculinity-survey/raw-responses.csv',
  'nneune-coffee-survey/coffee_survey.csv',
];
export const haveDatasets = existsSync(DATA);

function respondents(r: ReturnType<typeof loadSurveyFile>): Respondents {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`read as ${r.value.kind}`);
  return r.value;
}

export function demoDefinition(): SurveyDefinition {
  const d = parseDefinition(readFileSync(DEMO_JSON, 'utf8'), DEMO_JSON);
  if (!d.ok) throw new Error(d.error.message);
  return d.value;
}

export function loadCsv(path: string, opts: Partial<LoadOptions> = {}): Respondents {
  return respondents(loadSurveyFile(new Uint8Array(readFileSync(path)), { file: path, ...opts }));
}

export async function loadParquet(
  bytes: Uint8Array,
  opts: Partial<LoadOptions> = {},
): Promise<Respondents> {
  return respondents(await loadSurveyFileAsync(bytes, { file: 'survey.parquet', ...opts }));
}

/** A loaded survey written as Parquet with the definition it was read with. */
export const toParquet = (s: Respondents): Promise<Uint8Array> =>
  exportParquet(s.table, s.definition);

/**
 * The same table, cell for cell: the same columns (id, text, type, battery) in
 * the same order, the same labels in the same order, and the same typed arrays
 * (codes, answer patterns and masks, numbers), so every crosstab is the same.
 * Column by column, so a failure names the column and stays readable.
 */
export function expectSameTable(actual: RespondentTable, expected: RespondentTable): void {
  expect(actual.rowCount).toBe(expected.rowCount);
  expect(actual.meta).toEqual(expected.meta);
  expect([actual.weightId, actual.idColumnId]).toEqual([expected.weightId, expected.idColumnId]);
  expect(actual.columns.map((c) => `${c.type} ${c.id}`)).toEqual(
    expected.columns.map((c) => `${c.type} ${c.id}`),
  );
  expected.columns.forEach((e, k) => {
    const a = actual.columns[k]!;
    expect(withoutArrays(a), e.id).toEqual(withoutArrays(e));
    if (e.type === 'numeric' && a.type === 'numeric') sameArray(a.values, e.values, e.id);
    if ((e.type === 'single' || e.type === 'text') && a.type === e.type)
      sameArray(a.codes, e.codes, e.id);
    if (e.type === 'multi' && a.type === 'multi') {
      sameArray(a.patternOf, e.patternOf, e.id);
      sameArray(a.masks, e.masks, e.id);
    }
  });
}

/** A column's labels, wording and the like, without its typed arrays (compared apart). */
function withoutArrays(c: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) if (!ArrayBuffer.isView(value)) out[key] = value;
  return out;
}

function sameArray(a: ArrayLike<number>, e: ArrayLike<number>, id: string): void {
  expect(a.constructor.name, id).toBe(e.constructor.name);
  expect(a.length, id).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const x = a[i]!;
    const y = e[i]!;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y)))
      expect(`${id}[${i}] = ${x}`).toBe(`${id}[${i}] = ${y}`);
  }
}
