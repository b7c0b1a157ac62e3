// The library in this browser (src/app/persist.ts, src/ui): saving, surveys
// opened from links, and other tabs sharing the library.
import { isolate } from '../format/bidi';

/** `what`: storageMessages.whatLibrary, whatChange or whatSurvey(name). */
export const storageErrors = {
  'storage-quota': (what: string) =>
    `The browser's storage for this site is full, so ${what} could not be saved. Delete an uploaded survey you no longer need, or free space in the browser's site settings, and try again. The survey is still open for this session.`,
  'storage-failed': (what: string, detail: string) =>
    `${what} could not be saved in this browser (${detail}). It stays open for this session only.`,
} as const;

export const storageMessages = {
  whatLibrary: 'The library of uploads',
  whatChange: 'The change',
  whatSurvey: (name: string) => `“${isolate(name)}”`,
  savedUploadBroken: (name: string, detail: string) =>
    `The saved upload “${isolate(name)}” could not be opened (${detail}).`,
  noLongerThere: 'That upload is no longer in the library.',
  // A survey carried in a link is shown, not stored, until the user keeps it.
  fromLinkTag: 'From a link, not saved',
  fromLinkNotice: (title: string) =>
    `“${isolate(title)}” was opened from a link. It is kept only in this tab, not in your library: close the tab and it is gone. Its title, publisher and figures are as the sender wrote them.`,
  keep: 'Keep in my library',
  keepLabel: (title: string) => `Keep ${isolate(title)} in my library`,
  kept: (title: string) => `“${isolate(title)}” is now in your library.`,
  keptAlready: (title: string) => `“${isolate(title)}” was already in your library.`,
  keptUnderNewId: (title: string, taken: string, id: string) =>
    `Your library already holds a different survey under the id "${isolate(taken)}", so “${isolate(title)}” was kept under the new id "${isolate(id)}".`,
  // The need-file flow: the user chose the file, so the survey is saved, and says so.
  fromLinkFileSaved: (title: string) =>
    `“${isolate(title)}” was read from the file you chose, with the link's survey definition, and saved in your library. Delete it there if you do not want to keep it.`,
  // Several tabs share one library.
  renameGone: (name: string) =>
    `“${isolate(name)}” was deleted in another tab, so it was not renamed; it stays deleted.`,
  renameReplaced: (theirs: string, yours: string) =>
    `“${isolate(theirs)}” had just been renamed in another tab; your name “${isolate(yours)}” replaces it.`,
  deleteGone: (name: string) => `“${isolate(name)}” had already been deleted in another tab.`,
  restoreTaken: (name: string, current: string) =>
    `“${isolate(name)}” was not restored: since you deleted it, another tab saved “${isolate(current)}” under its id, and undoing would overwrite it.`,
  restoreChanged: (name: string) =>
    `“${isolate(name)}” was not restored: another tab saved and deleted a survey under its id since you deleted it.`,
  remoteDeleted: (name: string) => `“${isolate(name)}” was deleted in another tab.`,
  remoteRenamed: (from: string, to: string) =>
    `“${isolate(from)}” was renamed “${isolate(to)}” in another tab.`,
  // The bundled surveys: read when the app is built (scripts/bundledSurveys.ts), fetched by the page.
  bundledUnreadable: (detail: string) =>
    `The bundled surveys could not be loaded (${detail}). Reload the page to try again; your own surveys are not affected.`,
  bundledBuildFailed: (problems: readonly string[]) =>
    `A bundled survey in surveys/ could not be read, so the app was not built. Fix the file, or remove it from surveys/:\n${problems.join('\n')}`,
} as const;
