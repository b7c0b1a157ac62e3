// The rules two tabs sharing one library follow (the browser tests run them
// through IndexedDB): a rename never brings back a deleted survey, undo never
// overwrites what another tab wrote since, adding never overwrites a different
// survey, renames are last-writer-wins and say whose name they replaced.
import { describe, expect, it } from 'vitest';
import type { StoredSurvey } from '../../../src/state/models/stored';
import type { PublishedSurvey } from '../../../src/core/published/types';
import {
  decidePlace,
  decideRename,
  decideRestore,
  expiredTombstone,
  freeId,
  nextRevision,
  remoteChanges,
  revisionOf,
  sameSurvey,
  stamped,
  type Tombstone,
} from '../../../src/state/models/storedChanges';

const survey = (title: string): PublishedSurvey => ({
  format: 'distribution',
  meta: { title, publisher: null, date: null, population: null, source: null, sourceUrl: null },
  questions: [],
});

function record(id: string, over: Partial<StoredSurvey> = {}, title = 'Survey'): StoredSurvey {
  return {
    id,
    kind: 'distribution',
    name: title,
    file: `${title}.csv`,
    addedAt: '2026-01-01T00:00:00.000Z',
    fingerprint: 'f'.repeat(64),
    bytes: 10,
    survey: survey(title),
    ...over,
  } as StoredSurvey;
}

const tomb = (id: string, revision: number, deletedAt = '2026-01-02T00:00:00.000Z'): Tombstone => ({
  id,
  revision,
  deletedAt,
});

describe('revisions', () => {
  it('counts a survey kept before revisions as revision 0', () => {
    expect(revisionOf(record('a'))).toBe(0);
    expect(revisionOf(record('a', { revision: 4 }))).toBe(4);
  });

  it('gives the next write a revision above both the survey and its tombstone', () => {
    expect(nextRevision(undefined)).toBe(1);
    expect(nextRevision(record('a', { revision: 3 }))).toBe(4);
    expect(nextRevision(undefined, tomb('a', 7))).toBe(8);
    expect(nextRevision(record('a', { revision: 9 }), tomb('a', 7))).toBe(10);
  });

  it('stamps a write with its revision and time, leaving the rest alone', () => {
    const r = stamped(record('a'), 2, new Date('2026-03-04T05:06:07.000Z'));
    expect(r).toEqual({ ...record('a'), revision: 2, updatedAt: '2026-03-04T05:06:07.000Z' });
  });
});

describe('renaming', () => {
  const seen = record('a', { revision: 2, updatedAt: 't2', name: 'Old' });

  it('writes nothing when the survey was deleted in another tab (it would come back)', () => {
    expect(decideRename(seen, undefined)).toEqual({ kind: 'gone' });
  });

  it('writes without a word when nothing changed since this tab read it', () => {
    expect(decideRename(seen, seen)).toEqual({ kind: 'write', replacedName: null });
  });

  it("wins over another tab's newer name, and names the name it replaces", () => {
    const current = record('a', { revision: 3, updatedAt: 't3', name: 'Theirs' });
    expect(decideRename(seen, current)).toEqual({ kind: 'write', replacedName: 'Theirs' });
  });

  it('says nothing when another tab changed the survey but not its name', () => {
    const current = record('a', { revision: 3, updatedAt: 't3', name: 'Old' });
    expect(decideRename(seen, current)).toEqual({ kind: 'write', replacedName: null });
  });
});

describe('undoing a delete', () => {
  it("restores when the tombstone is still this tab's", () => {
    expect(decideRestore(3, undefined, tomb('a', 3))).toEqual({ kind: 'write' });
  });

  it('restores when the tombstone is gone (cleared after a day: nothing is known)', () => {
    expect(decideRestore(3, undefined, undefined)).toEqual({ kind: 'write' });
  });

  it('does not restore over a survey another tab has since put under the id', () => {
    const current = record('a', { revision: 5, name: 'Renamed in B' });
    expect(decideRestore(3, current, undefined)).toEqual({ kind: 'changed', current });
  });

  it('does not restore when another tab put and deleted a survey under the id since', () => {
    expect(decideRestore(3, undefined, tomb('a', 6))).toEqual({ kind: 'changed', current: null });
  });
});

describe('adding a survey', () => {
  const taken = new Set(['a', 'a-2']);

  it('takes its own id when it is free', () => {
    expect(decidePlace(record('b'), undefined, 'keep', taken)).toEqual({
      kind: 'write',
      id: 'b',
      replaces: false,
    });
  });

  it('replaces the same file imported again, as before', () => {
    expect(decidePlace(record('a'), record('a', { name: 'Mine' }), 'import', taken)).toEqual({
      kind: 'write',
      id: 'a',
      replaces: true,
    });
  });

  it('writes nothing when the survey a link carries is already there', () => {
    const carried = record('a', { fingerprint: '' });
    const stored = record('a', { fingerprint: '', name: 'Renamed' });
    expect(decidePlace(carried, stored, 'keep', taken)).toEqual({ kind: 'exists', id: 'a' });
  });

  it('never overwrites a different survey: it takes the next free id', () => {
    const other = record('a', { fingerprint: '0'.repeat(64) });
    expect(decidePlace(record('a'), other, 'import', taken)).toEqual({
      kind: 'write',
      id: 'a-3',
      replaces: false,
    });
    const carried = record('a', { fingerprint: '' }, 'Carried');
    expect(decidePlace(carried, record('a', { fingerprint: '' }), 'keep', taken)).toEqual({
      kind: 'write',
      id: 'a-3',
      replaces: false,
    });
  });

  it('keeps new ids short enough for a link (200 characters)', () => {
    const id = 'x'.repeat(200);
    const free = freeId(id, new Set([id]));
    expect(free.length).toBeLessThanOrEqual(200);
    expect(free).toMatch(/-2$/);
  });

  it('tells surveys apart by file, or by figures when they came in a link', () => {
    expect(sameSurvey(record('a'), record('b', { name: 'Other name' }))).toBe(true);
    expect(sameSurvey(record('a'), record('a', { fingerprint: '1'.repeat(64) }))).toBe(false);
    expect(sameSurvey(record('a', { fingerprint: '' }), record('a', { fingerprint: '' }))).toBe(
      true,
    );
    expect(
      sameSurvey(record('a', { fingerprint: '' }), record('a', { fingerprint: '' }, 'Other')),
    ).toBe(false);
  });
});

describe("another tab's changes, as this tab tells them", () => {
  it('lists the surveys deleted and renamed since this tab read the library', () => {
    const before = [record('a', { name: 'A' }), record('b', { name: 'B' }), record('c')];
    const after = [record('b', { name: 'B2' }), record('c'), record('d')];
    expect(remoteChanges(before, after)).toEqual({
      deleted: [before[0]],
      renamed: [{ id: 'b', from: 'B', to: 'B2' }],
    });
  });
});

describe('tombstones', () => {
  it('expire after a day', () => {
    const t = tomb('a', 1, '2026-01-01T00:00:00.000Z');
    expect(expiredTombstone(t, new Date('2026-01-01T23:00:00.000Z'))).toBe(false);
    expect(expiredTombstone(t, new Date('2026-01-02T01:00:00.000Z'))).toBe(true);
  });
});
