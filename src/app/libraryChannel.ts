// Tabs of the app share one library in IndexedDB. After a change is written
// (src/app/persist.ts), the tab that made it announces it here; every other
// tab of the same site hears it and reads the library again, so no tab keeps
// showing, renaming or restoring a survey that is no longer what it shows.
// A message says which survey, what kind of change, and the revision written;
// it carries no survey data (the receiving tab reads IndexedDB itself).

export type LibraryChangeKind = 'saved' | 'renamed' | 'deleted' | 'restored';

export interface LibraryChange {
  id: string;
  kind: LibraryChangeKind;
  revision: number;
}

const NAME = 'survey-workbench-library';
const KINDS: readonly string[] = ['saved', 'renamed', 'deleted', 'restored'];

// One channel per page: a BroadcastChannel does not hear its own messages, so
// the announcing tab is not told of its own change.
let channel: BroadcastChannel | null | undefined;

function open(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(NAME);
  }
  return channel;
}

/** Whether a message from the channel is a change this app announced. */
function isChange(data: unknown): data is LibraryChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    typeof d.id === 'string' &&
    typeof d.kind === 'string' &&
    KINDS.includes(d.kind) &&
    typeof d.revision === 'number'
  );
}

/** Tell the other tabs that the library changed. */
export function announceChange(change: LibraryChange): void {
  open()?.postMessage(change);
}

/** Hear the other tabs' changes; returns the function that stops listening. */
export function onLibraryChange(listener: (change: LibraryChange) => void): () => void {
  const ch = open();
  if (ch === null) return () => undefined;
  const handle = (event: MessageEvent<unknown>) => {
    if (isChange(event.data)) listener(event.data);
  };
  ch.addEventListener('message', handle);
  return () => ch.removeEventListener('message', handle);
}
