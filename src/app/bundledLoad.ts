// Loading the bundled surveys, in the import worker: each file is fetched from
// the app's own origin and read by the same pipeline as an upload (respondent
// files with their sidecar's title and notice), so the page's own code stays
// small and its first paint is not held up by parsing.
import { loadSurveyFile } from '../core/pipeline';
import { storedRecord, type StoredSurvey } from '../state/models/stored';
import { describeError } from '../state/models/errors';
import { parseDefinition } from '../core/definition/definition';

export interface BundledFile {
  /** e.g. "/surveys/eguan-2013-07-mobile-im-share.csv" */
  path: string;
  /** Absolute URL to fetch it from (same origin). */
  url: string;
  /** The text of its sidecar `<file>.json` (title, notice, source, answer order), if any. */
  sidecar: string | null;
}

export interface BundledLoad {
  records: StoredSurvey[];
  errors: { file: string; message: string }[];
}

export async function loadBundled(files: readonly BundledFile[]): Promise<BundledLoad> {
  const out: BundledLoad = { records: [], errors: [] };
  for (const f of files) {
    const file = f.path.split('/').pop() ?? f.path;
    const id = file.replace(/\.csv$/i, '');
    let bytes: Uint8Array;
    try {
      const response = await fetch(f.url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (err) {
      out.errors.push({
        file,
        message: `${file} could not be loaded (${err instanceof Error ? err.message : String(err)}).`,
      });
      continue;
    }
    // The survey definition beside the file decides its weight, answer orders, title and notice.
    const definition = f.sidecar === null ? null : parseDefinition(f.sidecar, `${id}.json`);
    if (definition !== null && !definition.ok) {
      out.errors.push({ file, message: describeError(definition.error) });
      continue;
    }
    const loaded = loadSurveyFile(bytes, {
      file,
      ...(definition === null ? {} : { definition: definition.value }),
    });
    if (!loaded.ok) {
      out.errors.push({ file, message: describeError(loaded.error) });
      continue;
    }
    out.records.push(
      storedRecord(loaded.value, { id, file, addedAt: '', fingerprint: '', bytes: bytes.length }),
    );
  }
  return out;
}
