// Uploaded surveys are kept in IndexedDB (through idb), so they survive
// reloads. What is stored is the parsed survey (typed arrays clone cheaply),
// not the file, so a reload does not parse again.
import { openDB, type IDBPDatabase } from 'idb';
import type { Result } from '../core/result';
import type { StoredSurvey } from '../state/models/stored';

const DB_NAME = 'survey-workbench';
const STORE = 'surveys';

let dbPromise: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  dbPromise ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id' });
    },
  });
  return dbPromise;
}

function storageError(err: unknown, what: string): Result<never> {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return {
      ok: false,
      error: {
        code: 'storage-quota',
        message: `The browser's storage for this site is full, so ${what} could not be saved. Delete an uploaded survey you no longer need, or free space in the browser's site settings, and try again. The survey is still open for this session.`,
      },
    };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ok: false,
    error: {
      code: 'storage-failed',
      message: `${what} could not be saved in this browser (${detail}). It stays open for this session only.`,
    },
  };
}

export async function listStored(): Promise<Result<StoredSurvey[]>> {
  try {
    return { ok: true, value: (await (await db()).getAll(STORE)) as StoredSurvey[] };
  } catch (err) {
    return storageError(err, 'The library of uploads');
  }
}

export async function saveStored(record: StoredSurvey): Promise<Result<void>> {
  try {
    await (await db()).put(STORE, record);
    return { ok: true, value: undefined };
  } catch (err) {
    return storageError(err, `"${record.name}"`);
  }
}

export async function deleteStored(id: string): Promise<Result<void>> {
  try {
    await (await db()).delete(STORE, id);
    return { ok: true, value: undefined };
  } catch (err) {
    return storageError(err, 'The change');
  }
}

/** SHA-256 of bytes as hex: kept under its old name for callers of persist. */
