// Issue #17: which numeric columns could weight a table is found once, at
// import, in the worker (state/models/stored.ts), kept with the survey, and
// read by the page's weight picker instead of a pass over every respondent.
// A survey kept before the facts were recorded still gets them, found once.
import { describe, expect, it } from 'vitest';
import { joinRecord, splitRecord } from '../../../src/app/persistParts';
import type { NumericColumn, RespondentTable } from '../../../src/core/table/types';
import {
  recordWeightFacts,
  weightCandidates,
  weightFacts,
} from '../../../src/core/table/weightCandidates';
import { storedRecord, type StoredSurvey } from '../../../src/state/models/stored';
import { loadRespondents } from '../../support/pipeline';

// Forty respondents: a weight (0.80 to 1.19), an age (20 to 59, whole
// numbers), a second weight-named column (0.500 to 1.475) and a score with a 0
// for every seventh respondent. No weight is decided: the file only proposes one.
const CSV = [
  'q1,weight,age,alt_weight,score',
  ...Array.from(
    { length: 40 },
    (_, i) =>
      `${'ab'[i % 2]},${(0.8 + i / 100).toFixed(2)},${20 + i},${(0.5 + i / 40).toFixed(3)},${i % 7 === 0 ? 0 : (i / 4).toFixed(2)}`,
  ),
].join('\n');

const loaded = () => loadRespondents(CSV);

/** The record as the page gets it: cloned from the worker's message or read back from IndexedDB. */
const onThePage = (record: StoredSurvey) => {
  const { record: kept, arrays } = splitRecord(record);
  return structuredClone(joinRecord(kept, arrays));
};

const tableOf = (record: StoredSurvey): RespondentTable => {
  if (record.kind !== 'respondents') throw new Error('not respondent data');
  return record.table;
};

describe('weight facts recorded at import', () => {
  it('say of each numeric column whether every value is positive, and whole', () => {
    const { table } = loaded();
    expect(table.weightId).toBeNull();
    expect(weightFacts(table)).toEqual([
      { id: 'weight', positive: true, integer: false },
      { id: 'age', positive: true, integer: true },
      { id: 'alt_weight', positive: true, integer: false },
      { id: 'score', positive: false, integer: false },
    ]);
  });

  it('are kept with the stored survey and equal what a pass over the values finds', () => {
    const l = loaded();
    const record = storedRecord(l, {
      id: 'upload-1',
      file: 'test.csv',
      addedAt: '2026-12-01T06:30:00.000Z',
      fingerprint: 'ab'.repeat(32),
      bytes: CSV.length,
    });
    const page = onThePage(record);
    expect(page.kind === 'respondents' && page.weightFacts).toEqual(weightFacts(l.table));
  });

  it('give the weight picker the same list as a pass over the values: weight and alt_weight likely, then why not', () => {
    const l = loaded();
    const scanned = weightCandidates(l.table);
    expect(scanned.map((c) => [c.id, c.why])).toEqual([
      ['weight', null],
      ['alt_weight', null],
      ['age', 'integer'],
      ['score', 'nonPositive'],
    ]);
    const page = onThePage(
      storedRecord(l, { id: 'u', file: 'f', addedAt: '', fingerprint: '', bytes: 0 }),
    );
    const table = tableOf(page);
    recordWeightFacts(table, page.kind === 'respondents' ? (page.weightFacts ?? []) : []);
    expect(weightCandidates(table)).toEqual(scanned);
  });

  it('are read, not found again: alt_weight stays a likely weight though its values changed after', () => {
    const page = onThePage(
      storedRecord(loaded(), { id: 'u', file: 'f', addedAt: '', fingerprint: '', bytes: 0 }),
    );
    const table = tableOf(page);
    recordWeightFacts(table, page.kind === 'respondents' ? (page.weightFacts ?? []) : []);
    // Were the values passed over now, alt_weight (all whole numbers) would be "integer".
    (table.columns.find((c) => c.id === 'alt_weight') as NumericColumn).values.fill(2);
    expect(weightCandidates(table).find((c) => c.id === 'alt_weight')?.why).toBeNull();
  });

  it('are found once when a survey was stored before they were recorded', () => {
    const l = loaded();
    const record = storedRecord(l, { id: 'u', file: 'f', addedAt: '', fingerprint: '', bytes: 0 });
    if (record.kind !== 'respondents') throw new Error('not respondent data');
    const older = { ...record };
    delete older.weightFacts;
    const page = onThePage(older);
    expect(page.kind === 'respondents' && page.weightFacts).toBeUndefined();
    const table = tableOf(page);
    const first = weightCandidates(table);
    expect(first).toEqual(weightCandidates(l.table));
    // Found once: the values changing after do not change the list.
    (table.columns.find((c) => c.id === 'alt_weight') as NumericColumn).values.fill(2);
    expect(weightCandidates(table)).toBe(first);
  });

  it('ignore facts of columns the table does not have, or facts that are not facts', () => {
    const page = onThePage(
      storedRecord(loaded(), { id: 'u', file: 'f', addedAt: '', fingerprint: '', bytes: 0 }),
    );
    const table = tableOf(page);
    recordWeightFacts(table, [
      { id: 'gone', positive: true, integer: false },
      { id: 'age', positive: 'yes', integer: false } as never,
    ]);
    expect(weightCandidates(table).find((c) => c.id === 'age')?.why).toBe('integer');
  });
});
