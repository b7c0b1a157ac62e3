// The library in IndexedDB (src/app/persist.ts), on fake-indexeddb: an upload
// saved with its definition comes back equal, its large arrays stored as
// values of their own; deletes leave a tombstone that undo checks; databases
// left by older versions (1: surveys; 2: and tombstones) open and keep their
// surveys; storage failures come back as the storage messages, with nothing
// half written.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Persist from '../../src/app/persist';
import { storedRecord, type StoredSurvey } from '../../src/state/models/stored';
import { loadRespondents } from '../support/pipeline';

const DB = 'survey-workbench';
const ROWS = 70_000; // a Uint8Array of 70,000 codes is over 64 KiB: a value of its own

/**
 * An upload read through the pipeline: a single-answer and a multi-answer
 * question, with its definition. `shift` moves the ages along the rows (other answers).
 */
function upload(id: string, name: string, fingerprint = 'ab'.repeat(32), shift = 0): StoredSurvey {
  const lines = ['age,brands'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${['18-24', '25-34', '35+'][(i + shift) % 3]},${['A', 'A;B', 'C'][i % 4] ?? ''}`);
  const loaded = loadRespondents(lines.join('\n'), { file: 'panel.csv' });
  const record = storedRecord(loaded, {
    id,
    file: 'panel.csv',
    addedAt: '2026-12-01T06:00:00.000Z',
    fingerprint,
    bytes: 1_000_000,
  });
  return { ...record, name };
}

let persist: typeof Persist;
const originalPut = IDBObjectStore.prototype.put;

beforeEach(async () => {
  // A new, empty IndexedDB and a fresh module (it keeps its open database).
  globalThis.indexedDB = new IDBFactory();
  vi.resetModules();
  persist = await import('../../src/app/persist');
});

afterEach(() => {
  vi.restoreAllMocks();
});

function ok<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** What the database holds, read past persist.ts: the survey records and the keys of the arrays. */
async function raw(): Promise<{ surveys: unknown[]; arrayKeys: unknown[]; deleted: unknown[] }> {
  const db = await openDB(DB);
  const out = {
    surveys: await db.getAll('surveys'),
    arrayKeys: await db.getAllKeys('arrays'),
    deleted: await db.getAll('deleted'),
  };
  db.close();
  return out;
}

describe('the library kept in IndexedDB', () => {
  it('saves an upload with its definition and reads it back equal, its large arrays as values of their own', async () => {
    const record = upload('panel', 'Panel');
    expect(record.kind === 'respondents' && record.definition).toBeTruthy();

    const placed = ok(await persist.placeStored(record, 'import'));
    expect(placed.outcome).toBe('added');
    expect(placed.record.revision).toBe(1);

    const listed = ok(await persist.listStored());
    expect(listed).toEqual([placed.record]);
    const back = listed[0];
    expect(back?.kind === 'respondents' && back.table.columns[0]?.type).toBe('single');
    if (back?.kind !== 'respondents' || back.table.columns[0]?.type !== 'single') return;
    expect(back.table.columns[0].codes).toBeInstanceOf(Uint8Array);
    expect(back.table.columns[0].codes.length).toBe(ROWS);
    expect(back.definition).toEqual(record.kind === 'respondents' && record.definition);

    // The age codes and the brands' answer patterns: two arrays of 70,000 bytes, each its own value.
    const stored = await raw();
    expect(stored.arrayKeys).toEqual([
      ['panel', 0],
      ['panel', 1],
    ]);
    expect(JSON.stringify(stored.surveys)).toContain('"codes":{"storedArray":0}');
    expect(JSON.stringify(stored.surveys)).toContain('"patternOf":{"storedArray":1}');
  });

  it('replaces the same file imported again, and moves a different survey to a free id', async () => {
    ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    const again = ok(await persist.placeStored(upload('panel', 'Panel again'), 'import'));
    expect([again.outcome, again.record.id, again.record.revision]).toEqual([
      'replaced',
      'panel',
      2,
    ]);

    const other = ok(
      await persist.placeStored(upload('panel', 'Other', 'cd'.repeat(32)), 'import'),
    );
    expect([other.outcome, other.record.id, other.record.revision]).toEqual([
      'moved',
      'panel-2',
      1,
    ]);

    expect(ok(await persist.listStored()).map((s) => [s.id, s.name])).toEqual([
      ['panel', 'Panel again'],
      ['panel-2', 'Other'],
    ]);
    expect((await raw()).arrayKeys).toHaveLength(4);
  });

  it('deletes a survey with its arrays, leaving a tombstone, and undo puts it back', async () => {
    const placed = ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    const deleted = ok(await persist.deleteStored('panel'));
    expect(deleted?.record).toEqual(placed.record);
    expect(deleted?.tombstoneRevision).toBe(2);
    expect(ok(await persist.listStored())).toEqual([]);
    const after = await raw();
    expect([after.surveys, after.arrayKeys]).toEqual([[], []]);
    expect(after.deleted).toMatchObject([{ id: 'panel', revision: 2 }]);

    expect(ok(await persist.deleteStored('panel'))).toBeNull();

    if (deleted === null) return;
    const restored = ok(await persist.restoreStored(deleted));
    expect(restored.kind).toBe('restored');
    expect(restored.kind === 'restored' && restored.record.revision).toBe(3);
    const listed = ok(await persist.listStored());
    expect(listed.map((s) => [s.id, s.revision])).toEqual([['panel', 3]]);
    expect(listed[0]).toEqual(restored.kind === 'restored' && restored.record);
    expect((await raw()).deleted).toEqual([]);
  });

  it('does not undo a delete once another survey took its id', async () => {
    ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    const deleted = ok(await persist.deleteStored('panel'));
    if (deleted === null) throw new Error('not deleted');
    const newer = ok(
      await persist.placeStored(upload('panel', 'Newer', 'ef'.repeat(32)), 'import'),
    );
    expect(newer.record.revision).toBe(3); // above the tombstone's 2

    const restored = ok(await persist.restoreStored(deleted));
    expect(restored.kind === 'changed' && restored.current?.name).toBe('Newer');
  });

  it('renames a survey, keeping its arrays', async () => {
    const placed = ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    const renamed = ok(await persist.renameStored(placed.record, 'Panel, June'));
    expect(renamed.kind === 'renamed' && [renamed.record.name, renamed.record.revision]).toEqual([
      'Panel, June',
      2,
    ]);
    const listed = ok(await persist.listStored());
    expect(listed).toEqual([renamed.kind === 'renamed' && renamed.record]);
    expect((await raw()).arrayKeys).toHaveLength(2);
  });
});

describe('databases left by older versions', () => {
  it('opens a version 1 database (surveys only, arrays inline, no revisions) and keeps its survey', async () => {
    const old = upload('panel', 'Kept in version 1');
    const v1 = await openDB(DB, 1, {
      upgrade: (db) => void db.createObjectStore('surveys', { keyPath: 'id' }),
    });
    await v1.put('surveys', old);
    v1.close();

    expect(ok(await persist.listStored())).toEqual([old]);
    const deleted = ok(await persist.deleteStored('panel'));
    expect(deleted?.tombstoneRevision).toBe(1); // an old survey counts as revision 0
    const db = await openDB(DB);
    expect([db.version, [...db.objectStoreNames].sort()]).toEqual([
      3,
      ['arrays', 'deleted', 'surveys'],
    ]);
    db.close();
  });

  it('opens a version 2 database and honours its tombstones: a survey put back gets the next revision', async () => {
    const v2 = await openDB(DB, 2, {
      upgrade(db) {
        db.createObjectStore('surveys', { keyPath: 'id' });
        db.createObjectStore('deleted', { keyPath: 'id' });
      },
    });
    await v2.put('deleted', { id: 'panel', revision: 7, deletedAt: new Date().toISOString() });
    v2.close();

    const placed = ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    expect([placed.outcome, placed.record.revision]).toEqual(['added', 8]);
    expect((await raw()).deleted).toEqual([]);
  });
});

describe('storage failures', () => {
  it('reports a full storage as the quota message naming the survey, and leaves the stored survey as it was', async () => {
    const before = ok(await persist.placeStored(upload('panel', 'Panel'), 'import'));
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    put.mockImplementation(function (this: IDBObjectStore, ...args) {
      // The new arrays go in; the survey record itself does not fit.
      if (this.name === 'surveys') throw new DOMException('quota', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    // The same file read again with other answers (say, another definition): other arrays.
    const result = await persist.placeStored(
      upload('panel', 'Panel, again', 'ab'.repeat(32), 1),
      'import',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('storage-quota');
    expect(result.error.message).toBe(
      "The browser's storage for this site is full, so “Panel, again” could not be saved. Delete an uploaded survey you no longer need, or free space in the browser's site settings, and try again. The survey is still open for this session.",
    );
    put.mockRestore();
    // Not the old record over the new arrays: the replace was taken back whole.
    expect(ok(await persist.listStored())).toEqual([before.record]);
    expect((await raw()).arrayKeys).toEqual([
      ['panel', 0],
      ['panel', 1],
    ]);
  });

  it('writes nothing of a new survey whose record is refused', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'surveys') throw new DOMException('quota', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    const result = await persist.placeStored(upload('panel', 'Panel'), 'import');
    expect(!result.ok && result.error.code).toBe('storage-quota');
    vi.restoreAllMocks();
    expect(await raw()).toEqual({ surveys: [], arrayKeys: [], deleted: [] });
  });

  it('reports an aborted write as "could not be saved" with the reason', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    put.mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = originalPut.apply(this, args);
      this.transaction.abort();
      return request;
    });
    const result = await persist.placeStored(upload('panel', 'Panel'), 'import');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('storage-failed');
    expect(result.error.message).toMatch(
      /^“Panel” could not be saved in this browser \(.*abort.*\)\. It stays open for this session only\.$/i,
    );
  });

  it('reports a library that cannot be opened as "The library of uploads could not be saved"', async () => {
    vi.spyOn(globalThis.indexedDB, 'open').mockImplementation(() => {
      throw new Error('IndexedDB is off in this window');
    });
    const result = await persist.listStored();
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message:
          'The library of uploads could not be saved in this browser (IndexedDB is off in this window). It stays open for this session only.',
      },
    });
  });
});
