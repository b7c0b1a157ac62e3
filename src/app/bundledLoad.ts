// Reading the bundled surveys, once, when the app is built (scripts/bundledSurveys.ts):
// each file in surveys/ goes through the same pipeline as an upload (respondent
// files with their sidecar's survey definition: weight, answer orders, title
// and notice). The records are written as JSON (./bundledJson.ts) that the page
// fetches and decodes: the first visit starts no import worker, downloads no
// reader and parses no file.
import { loadSurveyFile } from '../core/pipeline';
import { storedRecord, type StoredSurvey } from '../state/models/stored';
import { describeError } from '../state/models/errors';
import { parseDefinition } from '../core/definition/definition';
import { surveyIdFromFile } from '../core/surveys';
import type { Result } from '../core/result';

/**
 * One bundled file read as an upload is: `file` is its name
 * ("eguan-2013-07-mobile-im-share.csv"), `sidecar` the text of its `<name>.json`
 * (the survey definition), if any. The error says which file and what is wrong.
 */
export function readBundledFile(
  file: string,
  bytes: Uint8Array,
  sidecar: string | null,
): Result<StoredSurvey, string> {
  const id = surveyIdFromFile(file);
  // The survey definition beside the file decides its weight, answer orders, title and notice.
  const definition = sidecar === null ? null : parseDefinition(sidecar, `${id}.json`);
  if (definition !== null && !definition.ok)
    return { ok: false, error: describeError(definition.error) };
  const loaded = loadSurveyFile(bytes, {
    file,
    ...(definition === null ? {} : { definition: definition.value }),
  });
  if (!loaded.ok) return { ok: false, error: describeError(loaded.error) };
  return {
    ok: true,
    value: storedRecord(loaded.value, {
      id,
      file,
      addedAt: '',
      fingerprint: '',
      bytes: bytes.length,
    }),
  };
}
