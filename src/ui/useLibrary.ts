// The library as React state: bundled surveys (built once), uploads kept in
// IndexedDB, and surveys opened from links, kept in memory only until the user
// presses "Keep in my library". Every change goes to IndexedDB first; if saving
// fails the upload stays open for the session and the user is told why. Other
// tabs share the library: this tab announces its changes, and reads the
// library again when another tab announces one (src/app/libraryChannel.ts).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  entryFromSurvey,
  entryFromTable,
  libraryOf,
  type Library,
  type LibraryEntry,
} from '../state/models/library';
import { loadBundledSurveys } from '../app/bundled';
import {
  deleteStored,
  listStored,
  placeStored,
  renameStored,
  restoreStored,
  type Deleted,
} from '../app/persist';
import { announceChange, onLibraryChange } from '../app/libraryChannel';
import type { StoredSurvey } from '../state/models/stored';
import { recordWeightFacts } from '../core/table/weightCandidates';
import { remoteChanges, revisionOf } from '../state/models/storedChanges';
import { storageMessages as M } from '../core/messages';

function entryOfStored(
  record: StoredSurvey,
  origin: LibraryEntry['origin'] = 'upload',
): LibraryEntry {
  const extras = { fingerprint: record.fingerprint || null, name: record.name };
  // The weight facts found at import: the crosstab's weight picker passes over no column again.
  if (record.kind === 'respondents' && record.weightFacts)
    recordWeightFacts(record.table, record.weightFacts);
  return record.kind === 'distribution'
    ? entryFromSurvey(record.id, record.file, origin, record.survey, extras)
    : entryFromTable(record.id, record.file, origin, record.table, {
        ...extras,
        view: record.view,
        definition: record.definition ?? null,
        schema: record.schema ?? null,
      });
}

export interface LibraryActions {
  /** Show a survey carried in a link, in this tab only: nothing is written. */
  open(record: StoredSurvey): void;
  /**
   * Keep a survey opened from a link: write it to the library, under a new id
   * if a different survey has its id. The id it is kept under, and what to say.
   */
  keep(id: string): Promise<{ id: string; message: string }>;
  /** The id a survey opened from a link was kept under, if it was kept. */
  keptAs(id: string): string | null;
  /** Show a survey the import worker has already saved (or could not save: `saveProblem`). */
  adopt(record: StoredSurvey, saveProblem: string | null): void;
  remove(id: string): Promise<string | null>;
  restore(): Promise<string | null>;
  rename(id: string, name: string): Promise<string | null>;
  lastDeleted: StoredSurvey | null;
  storageProblem: string | null;
  /** What another tab just changed in the library, in words (null: nothing to say). */
  remoteNotice: string | null;
}

export function useLibrary(): [Library, LibraryActions] {
  const [bundled, setBundled] = useState<{
    entries: LibraryEntry[];
    loadErrors: Library['loadErrors'];
  } | null>(null);
  const [uploads, setUploads] = useState<StoredSurvey[] | null>(null);

  useEffect(() => {
    let live = true;
    // The bundled files were read when the app was built (src/app/bundled.ts): no worker starts.
    void loadBundledSurveys(document.baseURI).then((r) => {
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
  const [lastDeleted, setLastDeleted] = useState<Deleted | null>(null);
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [remoteNotice, setRemoteNotice] = useState<string | null>(null);
  // Surveys opened from links: in memory only, until kept.
  const [linked, setLinked] = useState<StoredSurvey[]>([]);
  // Link ids already kept (and the id each was kept under), so the link's payload is not opened again.
  const kept = useRef(new Map<string, string>());
  // The uploads as this tab shows them, to tell what another tab changed.
  const shown = useRef<StoredSurvey[]>([]);

  const setList = useCallback((update: (list: StoredSurvey[]) => StoredSurvey[]) => {
    setUploads((list) => {
      const next = update(list ?? []);
      shown.current = next;
      return next;
    });
  }, []);
  const withRecord = (record: StoredSurvey) => (list: StoredSurvey[]) => [
    ...list.filter((r) => r.id !== record.id),
    record,
  ];

  /** Read the library again; with `fromOtherTab`, say what changed. */
  const reload = useCallback(
    async (fromOtherTab: boolean) => {
      const r = await listStored();
      if (!r.ok) {
        // Keep showing what this tab has: a failed read is not an empty library.
        setStorageProblem(r.error.message);
        return;
      }
      if (fromOtherTab) {
        const changes = remoteChanges(shown.current, r.value);
        const words = [
          ...changes.deleted.map((d) => M.remoteDeleted(d.name)),
          ...changes.renamed.map((c) => M.remoteRenamed(c.from, c.to)),
        ];
        if (words.length > 0) setRemoteNotice(words.join(' '));
      }
      setList(() => r.value);
    },
    [setList],
  );

  useEffect(() => {
    let live = true;
    void listStored().then((r) => {
      if (!live) return;
      if (r.ok) setList(() => r.value);
      else {
        setList(() => []);
        setStorageProblem(r.error.message);
      }
    });
    // Another tab changed the library: read it again.
    const stop = onLibraryChange(() => void reload(true));
    return () => {
      live = false;
      stop();
    };
  }, [reload, setList]);

  const library = useMemo(() => {
    const entries = [...(bundled?.entries ?? [])];
    const loadErrors = [...(bundled?.loadErrors ?? [])];
    for (const record of uploads ?? []) {
      try {
        entries.push(entryOfStored(record));
      } catch (err) {
        loadErrors.push({
          file: record.file,
          message: M.savedUploadBroken(
            record.name,
            err instanceof Error ? err.message : String(err),
          ),
        });
      }
    }
    // A survey opened from a link that another tab has since stored is shown as stored.
    for (const record of linked) {
      if (!entries.some((e) => e.id === record.id)) entries.push(entryOfStored(record, 'link'));
    }
    return libraryOf(entries, loadErrors, bundled === null || uploads === null);
  }, [bundled, uploads, linked]);

  const failed = (message: string) => {
    setStorageProblem(message);
    return message;
  };
  // This tab's own change: what another tab did before is old news.
  const own = () => setRemoteNotice(null);

  const actions: LibraryActions = {
    open: (record) => {
      if (kept.current.has(record.id)) return;
      setLinked((list) => (list.some((r) => r.id === record.id) ? list : [...list, record]));
    },
    keep: async (id) => {
      own();
      const record = linked.find((r) => r.id === id);
      if (!record) return { id, message: M.noLongerThere };
      const placed = await placeStored(record, 'keep');
      if (!placed.ok) return { id, message: failed(placed.error.message) };
      const { record: stored, outcome } = placed.value;
      kept.current.set(id, stored.id);
      setLinked((list) => list.filter((r) => r.id !== id));
      setList(withRecord(stored));
      setStorageProblem(null);
      if (outcome !== 'exists') {
        announceChange({ id: stored.id, kind: 'saved', revision: revisionOf(stored) });
      }
      const message =
        outcome === 'exists'
          ? M.keptAlready(stored.name)
          : outcome === 'moved'
            ? M.keptUnderNewId(stored.name, id, stored.id)
            : M.kept(stored.name);
      return { id: stored.id, message };
    },
    keptAs: (id) => kept.current.get(id) ?? null,
    adopt: (record, saveProblem) => {
      own();
      setList(withRecord(record));
      setStorageProblem(saveProblem);
      if (saveProblem === null) {
        announceChange({ id: record.id, kind: 'saved', revision: revisionOf(record) });
      }
    },
    rename: async (id, name) => {
      own();
      const seen = uploads?.find((r) => r.id === id);
      if (!seen) return M.noLongerThere;
      const done = await renameStored(seen, name);
      if (!done.ok) return failed(done.error.message);
      if (done.value.kind === 'gone') {
        // Deleted in another tab: say so, and show the library as it is.
        setList((list) => list.filter((r) => r.id !== id));
        return M.renameGone(seen.name);
      }
      const { record, replacedName } = done.value;
      setList(withRecord(record));
      announceChange({ id, kind: 'renamed', revision: revisionOf(record) });
      return replacedName === null ? null : M.renameReplaced(replacedName, name);
    },
    remove: async (id) => {
      own();
      const seen = uploads?.find((r) => r.id === id);
      if (!seen) return M.noLongerThere;
      const done = await deleteStored(id);
      if (!done.ok) return failed(done.error.message);
      setList((list) => list.filter((r) => r.id !== id));
      if (done.value === null) return M.deleteGone(seen.name);
      setLastDeleted(done.value);
      announceChange({ id, kind: 'deleted', revision: done.value.tombstoneRevision });
      return null;
    },
    restore: async () => {
      if (!lastDeleted) return null;
      own();
      const deleted = lastDeleted;
      setLastDeleted(null);
      const done = await restoreStored(deleted);
      if (!done.ok) return failed(done.error.message);
      if (done.value.kind === 'changed') {
        // Another tab wrote or deleted under this id since: show the library as it is now.
        void reload(false);
        const current = done.value.current;
        return current === null
          ? M.restoreChanged(deleted.record.name)
          : M.restoreTaken(deleted.record.name, current.name);
      }
      const { record } = done.value;
      setList(withRecord(record));
      announceChange({ id: record.id, kind: 'restored', revision: revisionOf(record) });
      return null;
    },
    lastDeleted: lastDeleted?.record ?? null,
    storageProblem,
    remoteNotice,
  };
  return [library, actions];
}
