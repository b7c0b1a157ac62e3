// The bundled surveys: the files in surveys/ (the same files the CLI reads),
// read when the app is built, through the same pipeline as an upload
// (scripts/bundledSurveys.ts), into one JSON file on the app's own origin.
// The page fetches and decodes it: no worker starts and nothing is parsed on a
// first visit. A respondent file's sidecar `<name>.json` gives its title,
// notice, source and answer orders.
import bundledUrl from 'virtual:bundled-surveys';
import { storageMessages as M } from '../core/messages';
import { decodeBundled, type BundledLoad } from './bundledJson';

export async function loadBundledSurveys(baseUrl: string): Promise<BundledLoad> {
  try {
    const response = await fetch(new URL(bundledUrl, baseUrl));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return { records: decodeBundled(await response.text()), errors: [] };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { records: [], errors: [{ file: 'surveys', message: M.bundledUnreadable(detail) }] };
  }
}
