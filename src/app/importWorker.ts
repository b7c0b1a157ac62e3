// The import runs here, off the main thread: reading the file, its
// fingerprint, parsing and encoding, and saving to IndexedDB, so the page
// stays responsive and never holds the file's bytes. A large delimited file is
// read slice by slice, in parts on helper threads (parallelImport.ts). Any
// exception becomes a typed error: none reaches the UI.
import { loadSurveySource, readWhole } from '../core/loadSource';
import { problem } from '../core/messages';
import {
  DEFAULT_MAX_BYTES,
  loadSurveyFileAsync,
  previewSurveyFileAsync,
  type LoadOptions,
} from '../core/pipeline';
import { fail, type Result } from '../core/result';
import { err } from '../core/rowSink';
import type { Column } from '../core/table/types';
import type { FromWorker, Imported, ToWorker } from './importProtocol';
import { placeStored } from './persist';
import { storedRecord, type StoredSurvey } from '../state/models/stored';
import { checkFingerprint, fingerprintBytes } from './fingerprint';
import { fingerprintFile, partHelpers } from './parallelImport';
import { blobSource } from './parallelSource';

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
      ...(tooBig
        ? problem('file-too-large-for-memory', detail)
        : problem('import-internal', detail)),
      file,
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
 * Files up to this size are fingerprinted in one piece by Web Crypto, ten times
 * faster than SHA-256 in JavaScript slice by slice, for a moment's copy of the file.
 */
const HASH_WHOLE_BYTES = 512 << 20;

/** A progress callback posting at most every 50 ms (and at the end). */
function progressPoster(id: number): NonNullable<LoadOptions['onProgress']> {
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 50 && p.bytes < p.totalBytes) return;
    last = now;
    scope.postMessage({ id, type: 'progress', ...p });
  };
}

/** The survey read from bytes held whole (a pasted table; SPSS, Parquet or Excel files). */
async function parseBytes(msg: Extract<ToWorker, { type: 'load' }>, bytes: Uint8Array) {
  if (msg.expectFingerprint !== null) {
    const same = await checkFingerprint(msg.expectFingerprint, bytes);
    if (!same.ok) return same;
  }
  const hash = msg.expectFingerprint ?? (await fingerprintBytes(bytes));
  const loaded = await loadSurveyFileAsync(bytes, {
    ...msg.options,
    onProgress: progressPoster(msg.id),
  });
  if (!loaded.ok) return loaded;
  return { ok: true as const, value: { loaded: loaded.value, hash, size: bytes.length } };
}

/**
 * Why a file whose SHA-256 is `actual` is not the one a link names, in
 * checkFingerprint's own words (a damaged link, or another file); null when it is.
 */
async function fingerprintRefusal(expected: string, actual: string): Promise<Result<never> | null> {
  if (actual === expected.toLowerCase()) return null;
  const why = await checkFingerprint(expected, new Uint8Array(0));
  return why.ok
    ? {
        ok: false,
        error: problem('share-fingerprint-mismatch'),
      }
    : why;
}

/**
 * A File is read by slices, never whole: delimited text as it is parsed, in
 * parts on helper threads when it is large, while another helper fingerprints
 * it; files whose readers need them whole (SPSS, Parquet, Excel) are read whole.
 */
async function parseFile(msg: Extract<ToWorker, { type: 'load' }>, file: Blob) {
  const source = blobSource(file);
  const head = await source.read(0, Math.min(file.size, 16));
  if (readWhole(head)) {
    const limit = msg.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (file.size > limit)
      return fail(err('import-too-large', [file.size, limit], msg.options.file));
    return parseBytes(msg, new Uint8Array(await file.arrayBuffer()));
  }
  // A small file is fingerprinted whole by Web Crypto; a large one slice by slice, by a helper.
  const hashing =
    file.size <= HASH_WHOLE_BYTES
      ? { result: file.arrayBuffer().then((b) => fingerprintBytes(new Uint8Array(b))), cancel() {} }
      : fingerprintFile(file);
  // A file that is not the one a link names is refused as soon as its fingerprint says so.
  let refused: Result<never> | null = null;
  const expected = msg.expectFingerprint;
  if (expected !== null)
    void hashing.result.then(
      async (hex) => void (refused = await fingerprintRefusal(expected, hex)),
      () => undefined,
    );
  const loaded = await loadSurveySource(
    source,
    {
      ...msg.options,
      onProgress: progressPoster(msg.id),
      shouldCancel: () => refused !== null,
    },
    partHelpers(file),
  );
  if (refused !== null) return refused;
  if (!loaded.ok) {
    hashing.cancel();
    return loaded;
  }
  const hash = await hashing.result;
  const refusal = expected === null ? null : await fingerprintRefusal(expected, hash);
  if (refusal !== null) return refusal;
  return { ok: true as const, value: { loaded: loaded.value, hash, size: file.size } };
}

/**
 * Read, fingerprint and parse. Kept apart from saving so that the file's bytes
 * are garbage once it returns: the save below then runs without them in memory.
 */
function parseSource(msg: Extract<ToWorker, { type: 'load' }>) {
  return msg.source instanceof Uint8Array
    ? parseBytes(msg, msg.source)
    : parseFile(msg, msg.source);
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
