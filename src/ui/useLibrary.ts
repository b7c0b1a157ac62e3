// The library as React state: bundled surveys (built once) plus uploads kept
// in IndexedDB. Every change goes to IndexedDB first; if saving fails the
// upload stays open for the session and the user is told why.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  buildLibrary,
  entryFromSurvey,
  entryFromTable,
  libraryOf,
  type Library,
  type LibraryEntry,
} from '../state/library';
import { BUNDLED_FILES, BUNDLED_SIDECARS } from '../state/bundled';
import { deleteStored, listStored, saveStored, type StoredSurvey } from '../state/persist';

export function entryOfStored(record: StoredSurvey): LibraryEntry {
  const extras = { fingerprint: record.fingerprint, name: record.name };
  return record.kind === 'distribution'
    ? entryFromSurvey(record.id, record.file, 'upload', record.survey, extras)
    : entryFromTable(record.id, record.file, 'upload', record.table, {
        ...extras,
        view: record.view,
      });
}

export interface LibraryActions {
  add(record: StoredSurvey): Promise<string | null>;
  /** Show a survey the import worker has already saved (or could not save: `saveProblem`). */
  adopt(record: StoredSurvey, saveProblem: string | null): void;
  remove(id: string): Promise<string | null>;
  restore(): Promise<string | null>;
  rename(id: string, name: string): Promise<string | null>;
  lastDeleted: StoredSurvey | null;
  storageProblem: string | null;
}

export function useLibrary(): [Library, LibraryActions] {
  const bundled = useMemo(() => buildLibrary(BUNDLED_FILES, BUNDLED_SIDECARS), []);
  const [uploads, setUploads] = useState<StoredSurvey[]>([]);
  const [lastDeleted, setLastDeleted] = useState<StoredSurvey | null>(null);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void listStored().then((r) => {
      if (!live) return;
      if (r.ok) setUploads(r.value);
      else setStorageProblem(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const library = useMemo(() => {
    const entries = [...bundled.entries];
    const loadErrors = [...bundled.loadErrors];
    for (const record of uploads) {
      try {
        entries.push(entryOfStored(record));
      } catch (err) {
        loadErrors.push({
          file: record.file,
          message: `The saved upload "${record.name}" could not be opened (${err instanceof Error ? err.message : String(err)}).`,
        });
      }
    }
    return libraryOf(entries, loadErrors);
  }, [bundled, uploads]);

  const put = useCallback(async (record: StoredSurvey) => {
    setUploads((list) => [...list.filter((r) => r.id !== record.id), record]);
    const saved = await saveStored(record);
    setStorageProblem(saved.ok ? null : saved.error.message);
    return saved.ok ? null : saved.error.message;
  }, []);

  const actions: LibraryActions = {
    add: put,
    adopt: (record, saveProblem) => {
      setUploads((list) => [...list.filter((r) => r.id !== record.id), record]);
      setStorageProblem(saveProblem);
    },
    rename: async (id, name) => {
      const record = uploads.find((r) => r.id === id);
      return record ? put({ ...record, name }) : 'That upload is no longer in the library.';
    },
    remove: async (id) => {
      const record = uploads.find((r) => r.id === id);
      if (!record) return 'That upload is no longer in the library.';
      const done = await deleteStored(id);
      if (!done.ok) return done.error.message;
      setLastDeleted(record);
      setUploads((list) => list.filter((r) => r.id !== id));
      return null;
    },
    restore: async () => {
      if (!lastDeleted) return null;
      const record = lastDeleted;
      setLastDeleted(null);
      return put(record);
    },
    lastDeleted,
    storageProblem,
  };
  return [library, actions];
}
