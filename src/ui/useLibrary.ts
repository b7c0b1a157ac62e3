// The library as React state: bundled surveys (built once) plus uploads kept
// in IndexedDB. Every change goes to IndexedDB first; if saving fails the
// upload stays open for the session and the user is told why.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  entryFromSurvey,
  entryFromTable,
  libraryOf,
  type Library,
  type LibraryEntry,
} from '../state/models/library';
import { bundledFiles } from '../app/bundled';
import { loadBundledFiles } from '../app/importClient';
import { deleteStored, listStored, saveStored } from '../app/persist';
import type { StoredSurvey } from '../state/models/stored';

export function entryOfStored(
  record: StoredSurvey,
  origin: LibraryEntry['origin'] = 'upload',
): LibraryEntry {
  const extras = { fingerprint: record.fingerprint || null, name: record.name };
  return record.kind === 'distribution'
    ? entryFromSurvey(record.id, record.file, origin, record.survey, extras)
    : entryFromTable(record.id, record.file, origin, record.table, {
        ...extras,
        view: record.view,
        definition: record.definition ?? null,
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
  const [bundled, setBundled] = useState<{
    entries: LibraryEntry[];
    loadErrors: Library['loadErrors'];
  } | null>(null);
  const [uploads, setUploads] = useState<StoredSurvey[] | null>(null);

  useEffect(() => {
    let live = true;
    // The bundled files are read in the import worker, like uploads.
    void loadBundledFiles(bundledFiles(document.baseURI)).then((r) => {
      if (live)
        setBundled({
          entries: r.records.map((rec) => entryOfStored(rec, 'bundled')),
          loadErrors: r.errors,
        });
    });
    return () => {
      live = false;
    };
  }, []);
  const [lastDeleted, setLastDeleted] = useState<StoredSurvey | null>(null);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void listStored().then((r) => {
      if (!live) return;
      if (r.ok) setUploads(r.value);
      else {
        setUploads([]);
        setStorageProblem(r.error.message);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  const library = useMemo(() => {
    const entries = [...(bundled?.entries ?? [])];
    const loadErrors = [...(bundled?.loadErrors ?? [])];
    for (const record of uploads ?? []) {
      try {
        entries.push(entryOfStored(record));
      } catch (err) {
        loadErrors.push({
          file: record.file,
          message: `The saved upload "${record.name}" could not be opened (${err instanceof Error ? err.message : String(err)}).`,
        });
      }
    }
    return libraryOf(entries, loadErrors, bundled === null || uploads === null);
  }, [bundled, uploads]);

  const put = useCallback(async (record: StoredSurvey) => {
    setUploads((list) => [...(list ?? []).filter((r) => r.id !== record.id), record]);
    const saved = await saveStored(record);
    setStorageProblem(saved.ok ? null : saved.error.message);
    return saved.ok ? null : saved.error.message;
  }, []);

  const actions: LibraryActions = {
    add: put,
    adopt: (record, saveProblem) => {
      setUploads((list) => [...(list ?? []).filter((r) => r.id !== record.id), record]);
      setStorageProblem(saveProblem);
    },
    rename: async (id, name) => {
      const record = uploads?.find((r) => r.id === id);
      return record ? put({ ...record, name }) : 'That upload is no longer in the library.';
    },
    remove: async (id) => {
      const record = uploads?.find((r) => r.id === id);
      if (!record) return 'That upload is no longer in the library.';
      const done = await deleteStored(id);
      if (!done.ok) return done.error.message;
      setLastDeleted(record);
      setUploads((list) => (list ?? []).filter((r) => r.id !== id));
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
