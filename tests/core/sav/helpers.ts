// Shared by the SPSS reader tests: the fixture files, loading through the one
// import door, and reading a column back as labels.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadSurveyFile, type LoadOptions, type Loaded } from '../../../src/core/pipeline';
import type { Result } from '../../../src/core/result';
import { catchSav } from '../../../src/core/sav/errors';
import type { Column, RespondentTable } from '../../../src/core/table/types';

export const FIXTURES = new URL('../../fixtures/sav/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export type Respondents = Extract<Loaded, { kind: 'respondents' }>;

export function load(name: string, opts: Partial<LoadOptions> = {}): Respondents {
  return loaded(loadSurveyFile(fixture(name), { file: name, ...opts }));
}

export function loaded(r: Result<Loaded>): Respondents {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  if (r.value.kind !== 'respondents') throw new Error(`read as ${r.value.kind}`);
  return r.value;
}

export function column(table: RespondentTable, id: string): Column {
  const c = table.columns.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no column ${id}`);
  return c;
}

/** Each respondent's answer to a single or text column as its label (null = missing). */
export function answers(table: RespondentTable, id: string): (string | null)[] {
  const c = column(table, id);
  if (c.type !== 'single' && c.type !== 'text') throw new Error(`${id} is ${c.type}`);
  return Array.from(c.codes, (code) => (code === 0 ? null : c.labels[code - 1]!));
}

/** Each respondent's chosen options of a multi column (null = not asked / missing). */
export function chosen(table: RespondentTable, id: string): (string[] | null)[] {
  const c = column(table, id);
  if (c.type !== 'multi') throw new Error(`${id} is ${c.type}`);
  return Array.from(c.patternOf, (p) => {
    if (p === 0) return null;
    return c.labels.filter(
      (_, j) => ((c.masks[(p - 1) * c.words + (j >>> 5)]! >>> (j & 31)) & 1) === 1,
    );
  });
}

/** Runs a parse step that throws SavError and expects it to fail with this message. */
export function expectRefusal(run: () => unknown, message: string | RegExp): void {
  const r = catchSav('test.sav', run);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(message);
}

export function parsed<T>(run: () => T): T {
  const r = catchSav('test.sav', run);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
