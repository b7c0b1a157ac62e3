// The import runs here, off the main thread: reading the file, its
// fingerprint, parsing and encoding, and saving to IndexedDB, so the page
// stays responsive and never holds the file's bytes. Any exception becomes a
// typed error: none reaches the UI.
import { loadSurveyFileAsync, previewSurveyFileAsync } from '../core/pipeline';
import type { Result } from '../core/result';
import type { Column } from '../core/table/types';
import type { FromWorker, Imported, ToWorker } from './importProtocol';
import { placeStored } from './persist';
import { storedRecord, type StoredSurvey } from '../state/models/stored';
import { checkFingerprint, fingerprintBytes } from './fingerprint';
import { loadBundled } from './bundledLoad';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

function failure(file: string, err: unknown): Result<never> {
  const detail = err instanceof Error ? err.message : String(err);
  const tooBig = err instanceof RangeError;
  return {
    ok: false,
    error: {
      code: tooBig ? 'file-too-large-for-memory' : 'internal-error',
      file,
      message: tooBig
        ? `${file} is too large to load in this browser tab (${detail}). Try a smaller extract of the file.`
        : `${file} could not be read because of an internal error (${detail}). Nothing was imported.`,
    },
  };
}

/** The typed arrays of a table, so they move to the page instead of being copied. */
function buffersOf(record: StoredSurvey): ArrayBuffer[] {
  if (record.kind !== 'respondents') return [];
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => out.add(a.buffer as ArrayBuffer);
  for (const c of record.table.columns as Column[]) {
    if (c.type === 'numeric') add(c.values);
    else if (c.type === 'multi') {
      add(c.masks);
      add(c.patternOf);
    } else add(c.codes);
  }
  return [...out];
}

/**
 * Read, fingerprint and parse. Kept apart from saving so that the file's bytes
 * are garbage once it returns: the save below then runs without them in memory.
 */
async function parseSource(msg: Extract<ToWorker, { type: 'load' }>) {
  const bytes =
    msg.source instanceof Uint8Array ? msg.source : new Uint8Array(await msg.source.arrayBuffer());
  if (msg.expectFingerprint !== null) {
    const same = await checkFingerprint(msg.expectFingerprint, bytes);
    if (!same.ok) return same;
  }
  const hash = msg.expectFingerprint ?? (await fingerprintBytes(bytes));
  let last = 0;
  const loaded = await loadSurveyFileAsync(bytes, {
    ...msg.options,
    onProgress: (p) => {
      const now = Date.now();
      if (now - last < 50 && p.bytes < p.totalBytes) return;
      last = now;
      scope.postMessage({ id: msg.id, type: 'progress', ...p });
    },
  });
  if (!loaded.ok) return loaded;
  return { ok: true as const, value: { loaded: loaded.value, hash, size: bytes.length } };
}

async function importFile(msg: Extract<ToWorker, { type: 'load' }>): Promise<Result<Imported>> {
  const parsed = await parseSource(msg);
  if (!parsed.ok) return parsed;
  const { loaded: l, hash, size } = parsed.value;
  const record = storedRecord(l, {
    id: msg.surveyId ?? `upload-${hash.slice(0, 12)}`,
    file: msg.options.file,
    addedAt: new Date().toISOString(),
    fingerprint: hash,
    bytes: size,
  });
  // Never over a different survey: a link's id may be taken (placeStored says where it went).
  const saved = await placeStored(record, 'import');
  return saved.ok
    ? { ok: true, value: { record: saved.value.record, saveProblem: null } }
    : { ok: true, value: { record, saveProblem: saved.error.message } };
}

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'bundled') {
    loadBundled(msg.files).then(
      (result) =>
        scope.postMessage(
          { id: msg.id, type: 'bundled', result },
          result.records.flatMap((r) => buffersOf(r)),
        ),
      (err: unknown) =>
        scope.postMessage({
          id: msg.id,
          type: 'bundled',
          result: { records: [], errors: [{ file: 'surveys', message: String(err) }] },
        }),
    );
    return;
  }
  if (msg.type === 'preview') {
    previewSurveyFileAsync(msg.bytes, msg.options).then(
      (result) => scope.postMessage({ id: msg.id, type: 'preview', result }),
      (err: unknown) =>
        scope.postMessage({ id: msg.id, type: 'preview', result: failure(msg.options.file, err) }),
    );
    return;
  }
  importFile(msg).then(
    (result) =>
      scope.postMessage(
        { id: msg.id, type: 'loaded', result },
        result.ok ? buffersOf(result.value.record) : [],
      ),
    (err: unknown) =>
      scope.postMessage({ id: msg.id, type: 'loaded', result: failure(msg.options.file, err) }),
  );
};
