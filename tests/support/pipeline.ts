// Test helpers: load CSV text through the pipeline and read columns back as labels.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseDefinition } from '../../src/core/definition/definition';
import { loadSurveyFile } from '../../src/core/pipeline';
import type { LoadOptions, Loaded } from '../../src/core/pipeline';
import type { Column, MultiColumn, RespondentTable } from '../../src/core/table/types';

export function load(text: string | Uint8Array, opts: Partial<LoadOptions> = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return loadSurveyFile(bytes, { file: 'test.csv', ...opts });
}

export function loadRespondents(text: string | Uint8Array, opts: Partial<LoadOptions> = {}) {
  const r = load(text, opts);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} (line ${r.error.line})`);
  expect(r.value.kind).toBe('respondents');
  return r.value as Extract<Loaded, { kind: 'respondents' }>;
}

export function column(table: RespondentTable, id: string): Column {
  const c = table.columns.find((x) => x.id === id);
  if (c === undefined)
    throw new Error(`no column ${id}; have ${table.columns.map((x) => x.id).join(' | ')}`);
  return c;
}

/** Chosen labels of respondent i, or null when the question is missing for them. */
function chosen(col: MultiColumn, i: number): string[] | null {
  const p = col.patternOf[i] ?? 0;
  if (p === 0) return null;
  const out: string[] = [];
  col.labels.forEach((label, j) => {
    const word = col.masks[(p - 1) * col.words + (j >>> 5)] ?? 0;
    if ((word >>> (j & 31)) & 1) out.push(label);
  });
  return out;
}

/** Every respondent's answer as labels: single -> label | null, multi -> labels[] | null, numeric -> number. */
export function answers(col: Column, rowCount: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < rowCount; i++) {
    if (col.type === 'multi') out.push(chosen(col, i));
    else if (col.type === 'numeric') out.push(col.values[i]);
    else {
      const code = col.codes[i] ?? 0;
      out.push(code === 0 ? null : col.labels[code - 1]);
    }
  }
  return out;
}

/** Respondents choosing each option of a multi column, and how many answered at all. */
export function multiCounts(
  col: MultiColumn,
  rowCount: number,
): { counts: Record<string, number>; answered: number } {
  const counts: Record<string, number> = Object.fromEntries(col.labels.map((l) => [l, 0]));
  let answered = 0;
  for (let i = 0; i < rowCount; i++) {
    const c = chosen(col, i);
    if (c === null) continue;
    answered++;
    for (const l of c) counts[l] = (counts[l] ?? 0) + 1;
  }
  return { counts, answered };
}

/** The bundled demo (surveys/), read with its sidecar definition: weighted by `weight`, 1,500 respondents. */
export function loadWeightedDemo(): RespondentTable {
  const root = new URL('../../surveys/demo-simulated-wechat-respondents', import.meta.url).pathname;
  const def = parseDefinition(readFileSync(`${root}.json`, 'utf8'), 'demo.json');
  if (!def.ok) throw new Error(def.error.message);
  return loadRespondents(new Uint8Array(readFileSync(`${root}.csv`)), {
    file: 'demo.csv',
    definition: def.value,
  }).table;
}
