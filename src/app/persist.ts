// Uploaded surveys are kept in IndexedDB (through idb), so they survive
// reloads. What is stored is the parsed survey (typed arrays clone cheaply),
// not the file, so a reload does not parse again. A survey's large arrays are
// values of their own in another store (persistParts.ts), written and read in
// the same transaction as the survey.
//
// Several tabs share the library. Every change reads the record (and the
// tombstone a delete leaves) and writes in one readwrite transaction, so no
// other tab can write in between; what to write is decided by the pure rules in
// state/models/storedChanges.ts. The page then announces the change to the
// other tabs (./libraryChannel.ts), which read the library again.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Result } from '../core/result';
import { problem, storageMessages as M } from '../core/messages';
import type { StoredSurvey } from '../state/models/stored';
import { arraysApart, joinRecord, splitRecord } from './persistParts';
import {
  decidePlace,
  decideRename,
  decideRestore,
  expiredTombstone,
  nextRevision,
  revisionOf,
  stamped,
  type PlaceMode,
  type Tombstone,
} from '../state/models/storedChanges';

const DB_NAME = 'survey-workbench';
const STORE = 'surveys';
/** What deleting leaves: the revision a survey was deleted at (version 2). */
const TOMBSTONES = 'deleted';
/** A survey's large typed arrays, one value each, keyed [survey id, its number] (version 3). */
const ARRAYS = 'arrays';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 3, {
    upgrade(database) {
      // By name, not by version: a database some other code opened first may lack any.
      for (const name of [STORE, TOMBSTONES]) {
        if (!database.objectStoreNames.contains(name)) {
          database.createObjectStore(name, { keyPath: 'id' });
        }
      }
      if (!database.objectStoreNames.contains(ARRAYS)) database.createObjectStore(ARRAYS);
    },
    // Another tab opened a newer version: let it upgrade, and open again next time.
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = null;
    },
  });
  return dbPromise;
}

type Tx = IDBPTransaction<unknown, string[], 'readwrite'>;

/** Run `body` in one readwrite transaction over surveys, their arrays and tombstones; its value once committed. */
async function inTransaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = (await db()).transaction([STORE, TOMBSTONES, ARRAYS], 'readwrite');
  // When the body fails, `done` rejects too: the body's error is the one reported.
  tx.done.catch(() => undefined);
  let value: T;
  try {
    value = await body(tx);
  } catch (err) {
    // Nothing half written: a write refused on the spot (a put that throws) would
    // otherwise commit the writes before it, e.g. a survey's arrays without the survey.
    try {
      tx.abort();
    } catch {
      // Already aborted (a failed request aborts its transaction) or finished.
    }
    throw err;
  }
  await tx.done;
  return value;
}

/** A survey as stored: its large arrays are references (see persistParts.ts). */
const getStored = (tx: Tx, id: string) =>
  tx.objectStore(STORE).get(id) as Promise<StoredSurvey | undefined>;

/** Every key of a survey's arrays. */
const arrayKeys = (id: string) => IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]);

/** A stored survey with its arrays read back, each in a request (and a task) of its own. */
async function joined(
  store: { get(key: IDBValidKey): Promise<unknown> },
  record: StoredSurvey,
): Promise<StoredSurvey> {
  const arrays: unknown[] = [];
  for (let k = 0; k < arraysApart(record); k++) arrays.push(await store.get([record.id, k]));
  return joinRecord(record, arrays);
}

/** A survey with its arrays. */
async function getSurvey(tx: Tx, id: string): Promise<StoredSurvey | undefined> {
  const stored = await getStored(tx, id);
  return stored === undefined ? undefined : joined(tx.objectStore(ARRAYS), stored);
}

/** Write a survey (its large arrays apart), in place of whatever was stored under its id. */
async function putSurvey(tx: Tx, record: StoredSurvey): Promise<void> {
  const { record: kept, arrays } = splitRecord(record);
  const store = tx.objectStore(ARRAYS);
  await store.delete(arrayKeys(record.id));
  for (const [k, a] of arrays.entries()) await store.put(a, [record.id, k]);
  await tx.objectStore(STORE).put(kept);
}

/** Delete a survey and its arrays. */
async function deleteSurvey(tx: Tx, id: string): Promise<void> {
  await tx.objectStore(ARRAYS).delete(arrayKeys(id));
  await tx.objectStore(STORE).delete(id);
}
const getTombstone = (tx: Tx, id: string) =>
  tx.objectStore(TOMBSTONES).get(id) as Promise<Tombstone | undefined>;

function storageError(err: unknown, what: string): Result<never> {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return { ok: false, error: problem('storage-quota', what) };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, error: problem('storage-failed', what, detail) };
}

let swept = false;

/** Clear tombstones older than a day, once per page: undo lives only as long as its page. */
async function sweepTombstones(): Promise<void> {
  if (swept) return;
  swept = true;
  const now = new Date();
  await inTransaction(async (tx) => {
    const store = tx.objectStore(TOMBSTONES);
    for (const t of (await store.getAll()) as Tombstone[]) {
      if (expiredTombstone(t, now)) await store.delete(t.id);
    }
  });
}

export async function listStored(): Promise<Result<StoredSurvey[]>> {
  try {
    await sweepTombstones().catch(() => undefined);
    // One transaction: each survey read with the arrays it was written with.
    const tx = (await db()).transaction([STORE, ARRAYS]);
    const stored = (await tx.objectStore(STORE).getAll()) as StoredSurvey[];
    const out: StoredSurvey[] = [];
    for (const record of stored) out.push(await joined(tx.objectStore(ARRAYS), record));
    await tx.done;
    return { ok: true, value: out };
  } catch (err) {
    return storageError(err, M.whatLibrary);
  }
}

export interface Placed {
  /** The survey as stored (its id may be new), or as it already was ("exists"). */
  record: StoredSurvey;
  /** added: a new survey; replaced: the same file imported again; moved: its id was taken by another survey; exists: already there, nothing written. */
  outcome: 'added' | 'replaced' | 'moved' | 'exists';
}

/**
 * Put a survey into the library without ever overwriting a different one: an
 * import, or "Keep" of a survey opened from a link (see decidePlace).
 */
export async function placeStored(record: StoredSurvey, mode: PlaceMode): Promise<Result<Placed>> {
  try {
    const value = await inTransaction(async (tx): Promise<Placed> => {
      const store = tx.objectStore(STORE);
      const existing = await getStored(tx, record.id);
      const taken = new Set((await store.getAllKeys()) as string[]);
      const decision = decidePlace(record, existing, mode, taken);
      if (decision.kind === 'exists') {
        const shown =
          existing === undefined ? record : await joined(tx.objectStore(ARRAYS), existing);
        return { record: shown, outcome: 'exists' };
      }
      const at = decision.id === record.id ? existing : undefined;
      const tombstone = await getTombstone(tx, decision.id);
      const written = stamped(
        { ...record, id: decision.id },
        nextRevision(at, tombstone),
        new Date(),
      );
      await putSurvey(tx, written);
      if (tombstone) await tx.objectStore(TOMBSTONES).delete(decision.id);
      const outcome =
        decision.id !== record.id ? 'moved' : decision.replaces ? 'replaced' : 'added';
      return { record: written, outcome };
    });
    return { ok: true, value };
  } catch (err) {
    return storageError(err, M.whatSurvey(record.name));
  }
}

export type Renamed =
  { kind: 'renamed'; record: StoredSurvey; replacedName: string | null } | { kind: 'gone' };

/** Rename a survey as this tab last read it (`seen`); see decideRename. */
export async function renameStored(seen: StoredSurvey, name: string): Promise<Result<Renamed>> {
  try {
    const value = await inTransaction(async (tx): Promise<Renamed> => {
      const current = await getStored(tx, seen.id);
      const decision = decideRename(seen, current);
      if (decision.kind === 'gone' || current === undefined) return { kind: 'gone' };
      // Only the name changes: the arrays stay where they are.
      const written = stamped({ ...current, name }, nextRevision(current), new Date());
      await tx.objectStore(STORE).put(written);
      // The survey as renamed, with its arrays: this tab's own when nothing was written since it read them.
      const full =
        revisionOf(seen) === revisionOf(current) && seen.kind === current.kind
          ? joinRecord(written, splitRecord(seen).arrays)
          : await joined(tx.objectStore(ARRAYS), written);
      return { kind: 'renamed', record: full, replacedName: decision.replacedName };
    });
    return { ok: true, value };
  } catch (err) {
    return storageError(err, M.whatChange);
  }
}

export interface Deleted {
  /** The survey as it was when deleted (not as this tab last saw it): what undo puts back. */
  record: StoredSurvey;
  /** The revision of the tombstone this delete left: undo checks it is still there. */
  tombstoneRevision: number;
}

/** Delete a survey, leaving a tombstone; null when it was already gone. */
export async function deleteStored(id: string): Promise<Result<Deleted | null>> {
  try {
    const value = await inTransaction(async (tx): Promise<Deleted | null> => {
      const current = await getSurvey(tx, id);
      if (current === undefined) return null;
      const tombstone: Tombstone = {
        id,
        revision: revisionOf(current) + 1,
        deletedAt: new Date().toISOString(),
      };
      await deleteSurvey(tx, id);
      await tx.objectStore(TOMBSTONES).put(tombstone);
      return { record: current, tombstoneRevision: tombstone.revision };
    });
    return { ok: true, value };
  } catch (err) {
    return storageError(err, M.whatChange);
  }
}

export type Restored =
  { kind: 'restored'; record: StoredSurvey } | { kind: 'changed'; current: StoredSurvey | null };

/** Undo a delete, only if nothing was written or deleted under its id since (see decideRestore). */
export async function restoreStored(deleted: Deleted): Promise<Result<Restored>> {
  const { record } = deleted;
  try {
    const value = await inTransaction(async (tx): Promise<Restored> => {
      const tombstone = await getTombstone(tx, record.id);
      const stored = await getStored(tx, record.id);
      const decision = decideRestore(deleted.tombstoneRevision, stored, tombstone);
      if (decision.kind === 'changed') {
        const current = stored === undefined ? null : await joined(tx.objectStore(ARRAYS), stored);
        return { kind: 'changed', current };
      }
      const written = stamped(record, nextRevision(record, tombstone), new Date());
      await putSurvey(tx, written);
      if (tombstone) await tx.objectStore(TOMBSTONES).delete(record.id);
      return { kind: 'restored', record: written };
    });
    return { ok: true, value };
  } catch (err) {
    return storageError(err, M.whatSurvey(record.name));
  }
}
