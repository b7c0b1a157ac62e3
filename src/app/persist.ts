// Uploaded surveys are kept in IndexedDB (through idb), so they survive
// reloads. What is stored is the parsed survey (typed arrays clone cheaply),
// not the file, so a reload does not parse again.
//
// Several tabs share the library. Every change reads the record (and the
// tombstone a delete leaves) and writes in one readwrite transaction, so no
// other tab can write in between; what to write is decided by the pure rules in
// state/models/storedChanges.ts. The page then announces the change to the
// other tabs (./libraryChannel.ts), which read the library again.
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Result } from '../core/result';
import { storageMessages as M } from '../core/messages';
import type { StoredSurvey } from '../state/models/stored';
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

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 2, {
    upgrade(database) {
      // By name, not by version: a database some other code opened first may lack either.
      for (const name of [STORE, TOMBSTONES]) {
        if (!database.objectStoreNames.contains(name)) {
          database.createObjectStore(name, { keyPath: 'id' });
        }
      }
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

/** Run `body` in one readwrite transaction over surveys and tombstones; its value once committed. */
async function inTransaction<T>(body: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = (await db()).transaction([STORE, TOMBSTONES], 'readwrite');
  // When the body fails, the transaction aborts and `done` rejects too: the body's error is reported.
  tx.done.catch(() => undefined);
  const value = await body(tx);
  await tx.done;
  return value;
}

const getSurvey = (tx: Tx, id: string) =>
  tx.objectStore(STORE).get(id) as Promise<StoredSurvey | undefined>;
const getTombstone = (tx: Tx, id: string) =>
  tx.objectStore(TOMBSTONES).get(id) as Promise<Tombstone | undefined>;

function storageError(err: unknown, what: string): Result<never> {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return { ok: false, error: { code: 'storage-quota', message: M.quotaFull(what) } };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'storage-failed', message: M.failed(what, detail) } };
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
    return { ok: true, value: (await (await db()).getAll(STORE)) as StoredSurvey[] };
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
      const existing = await getSurvey(tx, record.id);
      const taken = new Set((await store.getAllKeys()) as string[]);
      const decision = decidePlace(record, existing, mode, taken);
      if (decision.kind === 'exists') return { record: existing ?? record, outcome: 'exists' };
      const at = decision.id === record.id ? existing : undefined;
      const tombstone = await getTombstone(tx, decision.id);
      const written = stamped(
        { ...record, id: decision.id },
        nextRevision(at, tombstone),
        new Date(),
      );
      await store.put(written);
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
      const current = await getSurvey(tx, seen.id);
      const decision = decideRename(seen, current);
      if (decision.kind === 'gone' || current === undefined) return { kind: 'gone' };
      const written = stamped({ ...current, name }, nextRevision(current), new Date());
      await tx.objectStore(STORE).put(written);
      return { kind: 'renamed', record: written, replacedName: decision.replacedName };
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
      await tx.objectStore(STORE).delete(id);
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
      const current = await getSurvey(tx, record.id);
      const tombstone = await getTombstone(tx, record.id);
      const decision = decideRestore(deleted.tombstoneRevision, current, tombstone);
      if (decision.kind === 'changed') return decision;
      const written = stamped(record, nextRevision(record, tombstone), new Date());
      await tx.objectStore(STORE).put(written);
      if (tombstone) await tx.objectStore(TOMBSTONES).delete(record.id);
      return { kind: 'restored', record: written };
    });
    return { ok: true, value };
  } catch (err) {
    return storageError(err, M.whatSurvey(record.name));
  }
}
