// The rules for changing the library when several tabs share it. Each stored
// survey carries a revision (and the time of the write that made it); deleting
// one leaves a tombstone holding the revision it died at. src/app/persist.ts
// reads the current record (and tombstone) and writes in one IndexedDB
// transaction; these pure functions decide what that transaction does, so the
// rules are tested without a browser:
//
// - A rename of a survey that is gone (deleted in another tab) writes nothing:
//   it would bring the survey back. The user is told.
// - A rename of a survey another tab changed since this tab read it wins (last
//   writer wins), and the user is told whose name it replaced.
// - Undo of a delete restores only if the record is still the one this tab
//   deleted (the tombstone is this tab's); otherwise another tab has put or
//   deleted something under that id since, and undoing would overwrite it.
// - Adding a survey never overwrites a different survey: it takes a new id.
//   Importing the same file again (same fingerprint) replaces it, as before;
//   keeping a survey carried in a link that is already there writes nothing.
import type { StoredSurvey } from './stored';

/** What is left of a deleted survey: the revision it was deleted at, and when. */
export interface Tombstone {
  id: string;
  revision: number;
  deletedAt: string;
}

/** A record's revision; surveys stored before revisions existed count as 0. */
export const revisionOf = (record: { revision?: number } | undefined): number =>
  record?.revision ?? 0;

/** The revision the next write under an id gets: above the survey's and its tombstone's. */
export function nextRevision(current: StoredSurvey | undefined, tombstone?: Tombstone): number {
  return Math.max(revisionOf(current), tombstone?.revision ?? 0) + 1;
}

/** Whether two records are the same write of a survey (same revision, same time). */
function sameWrite(a: StoredSurvey, b: StoredSurvey): boolean {
  return (
    revisionOf(a) === revisionOf(b) && (a.updatedAt ?? a.addedAt) === (b.updatedAt ?? b.addedAt)
  );
}

/**
 * The same survey: uploads of the same file (fingerprint) and kind; for a
 * survey carried in a link (no file, no fingerprint), the same figures.
 */
export function sameSurvey(a: StoredSurvey, b: StoredSurvey): boolean {
  if (a.kind !== b.kind) return false;
  if (a.fingerprint !== '' || b.fingerprint !== '') return a.fingerprint === b.fingerprint;
  return (
    a.kind === 'distribution' &&
    b.kind === 'distribution' &&
    JSON.stringify(a.survey) === JSON.stringify(b.survey)
  );
}

/** How a survey comes into the library: an import (of a file) or "Keep" of one opened from a link. */
export type PlaceMode = 'import' | 'keep';

export type PlaceDecision =
  /** Write the survey under `id`; `replaces`: the same survey was there and is replaced. */
  | { kind: 'write'; id: string; replaces: boolean }
  /** The same survey is already there under `id`: nothing to write. */
  | { kind: 'exists'; id: string };

/** Ids are at most 200 characters in links (src/state/url/values.ts): room for "-999". */
const ID_ROOM = 190;

/** The first id of the form "<id>-2", "<id>-3", … that no stored survey has. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  const base = id.slice(0, ID_ROOM);
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Where a survey coming into the library goes. `taken`: every id stored now. */
export function decidePlace(
  incoming: StoredSurvey,
  existing: StoredSurvey | undefined,
  mode: PlaceMode,
  taken: ReadonlySet<string>,
): PlaceDecision {
  if (existing === undefined) return { kind: 'write', id: incoming.id, replaces: false };
  if (sameSurvey(existing, incoming)) {
    return mode === 'import'
      ? { kind: 'write', id: incoming.id, replaces: true }
      : { kind: 'exists', id: incoming.id };
  }
  return { kind: 'write', id: freeId(incoming.id, taken), replaces: false };
}

export type RenameDecision =
  /** Deleted (in another tab): writing would bring it back. */
  | { kind: 'gone' }
  /** Write the new name; `replacedName`: another tab's newer name that this one replaces. */
  | { kind: 'write'; replacedName: string | null };

/** A rename, given the survey as this tab last read it (`seen`) and as it is now (`current`). */
export function decideRename(
  seen: StoredSurvey,
  current: StoredSurvey | undefined,
): RenameDecision {
  if (current === undefined) return { kind: 'gone' };
  const changedElsewhere = !sameWrite(seen, current) && current.name !== seen.name;
  return { kind: 'write', replacedName: changedElsewhere ? current.name : null };
}

export type RestoreDecision =
  /** Put the deleted survey back. */
  | { kind: 'write' }
  /** Something happened under the id since: another survey is there (`current`), or it was put and deleted again. */
  | { kind: 'changed'; current: StoredSurvey | null };

/**
 * Undo of a delete. `tombstoneRevision`: the revision this tab's delete left.
 * A missing tombstone (cleared after a day) tells nothing: the survey is restored.
 */
export function decideRestore(
  tombstoneRevision: number,
  current: StoredSurvey | undefined,
  tombstone: Tombstone | undefined,
): RestoreDecision {
  if (current !== undefined) return { kind: 'changed', current };
  if (tombstone !== undefined && tombstone.revision !== tombstoneRevision) {
    return { kind: 'changed', current: null };
  }
  return { kind: 'write' };
}

/** A record as written now: the next revision and the time of the write. */
export function stamped<T extends StoredSurvey>(record: T, revision: number, now: Date): T {
  return { ...record, revision, updatedAt: now.toISOString() };
}

export interface RemoteChanges {
  /** Surveys this tab showed that another tab deleted. */
  deleted: StoredSurvey[];
  /** Surveys another tab renamed: the name this tab showed and the new one. */
  renamed: { id: string; from: string; to: string }[];
}

/** What another tab changed, from this tab's list before and the stored list after. */
export function remoteChanges(
  before: readonly StoredSurvey[],
  after: readonly StoredSurvey[],
): RemoteChanges {
  const now = new Map(after.map((r) => [r.id, r]));
  const deleted: StoredSurvey[] = [];
  const renamed: RemoteChanges['renamed'] = [];
  for (const old of before) {
    const current = now.get(old.id);
    if (current === undefined) deleted.push(old);
    else if (current.name !== old.name)
      renamed.push({ id: old.id, from: old.name, to: current.name });
  }
  return { deleted, renamed };
}

/** Tombstones older than this are cleared when the library is opened. */
const TOMBSTONE_DAYS = 1;

export function expiredTombstone(tombstone: Tombstone, now: Date): boolean {
  return now.getTime() - Date.parse(tombstone.deletedAt) > TOMBSTONE_DAYS * 86_400_000;
}
