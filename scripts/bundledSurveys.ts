// The bundled surveys, read when the app is built (or served by `vite`; see
// ./bundledSurveysPlugin.ts): every surveys/*.csv with its sidecar <name>.json,
// through the one door an upload goes through (readBundledFile in
// src/app/bundledLoad.ts, which calls loadSurveyFile), as the JSON the page
// fetches (src/app/bundled.ts). A file that cannot be read stops the build with
// the reader's message.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBundled } from '../src/app/bundledJson';
import { readBundledFile } from '../src/app/bundledLoad';
import { storageMessages } from '../src/core/messages';
import { sidecarPath } from '../src/core/surveys';
import type { StoredSurvey } from '../src/state/models/stored';

/** The paths of the bundled respondent and published files, in name order. */
export function bundledPaths(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.csv$/i.test(name))
    .sort()
    .map((name) => join(folder, name));
}

/** Every bundled survey's record; throws, naming each file and its problem, if any cannot be read. */
export function readBundledSurveys(folder: string): StoredSurvey[] {
  const records: StoredSurvey[] = [];
  const problems: string[] = [];
  for (const path of bundledPaths(folder)) {
    const sidecar = sidecarPath(path);
    const read = readBundledFile(
      path.split(/[\\/]/).pop() ?? path,
      new Uint8Array(readFileSync(path)),
      existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : null,
    );
    if (read.ok) records.push(read.value);
    else problems.push(read.error);
  }
  if (problems.length > 0) throw new Error(storageMessages.bundledBuildFailed(problems));
  return records;
}

/** The files the bundle is made from: each survey and its sidecar, if it has one. */
export function bundledInputs(folder: string): string[] {
  return bundledPaths(folder).flatMap((path) =>
    existsSync(sidecarPath(path)) ? [path, sidecarPath(path)] : [path],
  );
}

/** The JSON the page fetches. */
export function bundledSurveysJson(folder: string): string {
  return encodeBundled(readBundledSurveys(folder));
}
