// The link that reopens a view in a fresh browser. A bundled survey is named
// by its id. An uploaded published survey small enough travels inside the
// link, compressed; for anything larger the link names the file by its
// fingerprint, and the recipient is asked to drop that same file.
import type { LibraryEntry } from '../models/library';
import { encodeDefinitionPayload, encodeSurveyPayload } from './payload';
import { decodeSurveyPayload } from './payload';
import type { StoredSurvey } from '../models/stored';
import type { Result } from '../../core/result';
import { encodeView } from './codec';
import type { Attachment } from './keys';
import type { ViewState } from './view';

/**
 * Payloads made once per survey or definition object (both are replaced, never
 * changed, when the user edits them): the link is made on every render, and
 * packing a survey's definition costs some 12 ms (JSON and deflate).
 */
const packed = new WeakMap<object, string | null>();
function once<T extends object>(value: T, pack: (v: T) => string | null): string | null {
  if (!packed.has(value)) packed.set(value, pack(value));
  return packed.get(value)!;
}

function attachmentFor(entry: LibraryEntry | null): Attachment | null {
  // An upload, or a survey opened from a link: the link passed on carries it again.
  if (!entry || entry.origin === 'bundled') return null;
  const data = entry.table ? null : once(entry.survey, encodeSurveyPayload);
  if (data) return { data, fingerprint: null, fileName: null, definition: null };
  // Respondent data: the file is named by its fingerprint, and the decisions it was read
  // with travel beside it, so the recipient sees the sender's questions, not detection's.
  const definition =
    entry.definition === null ? null : once(entry.definition, encodeDefinitionPayload);
  return { data: null, fingerprint: entry.fingerprint, fileName: entry.file, definition };
}

export function shareLink(pageUrl: string, view: ViewState, entry: LibraryEntry | null): string {
  return `${pageUrl.split('#')[0]}${encodeView(view, attachmentFor(entry))}`;
}

/** The survey a link carries, as a record the recipient's tab shows (and keeps only if asked). */
export function recordFromPayload(id: string, data: string): Result<StoredSurvey> {
  const survey = decodeSurveyPayload(data);
  if (!survey.ok) return survey;
  return {
    ok: true,
    value: {
      id,
      kind: 'distribution',
      name: survey.value.meta.title,
      file: `${survey.value.meta.title}.csv`,
      addedAt: new Date().toISOString(),
      fingerprint: '',
      bytes: data.length,
      survey: survey.value,
    },
  };
}
