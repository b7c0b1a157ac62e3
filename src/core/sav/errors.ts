// How the reader refuses a file. A binary parser makes hundreds of bounded
// reads; threading a Result through each would bury the format in plumbing.
// Instead the reader throws one private error type, SavError, carrying the byte
// offset, and catchSav turns it into the Result that the rest of core expects
// at the one boundary (loadSavFile). Nothing else in src/core/sav may throw:
// any other exception that escapes is a bug, and it too becomes a SurveyError
// rather than reaching the UI.
import { fail, ok, type Result, type SurveyError } from '../result';
import { located, problem, savMessages as M } from '../messages';

export class SavError extends Error {
  constructor(
    /** Offset in the file (or, for zlib-compressed data, of the compressed block). */
    readonly offset: number,
    /** What the bytes claim and why that cannot be, without the "Byte N:" prefix. */
    readonly detail: string,
    /** A damaged file (the default), a variant this app does not read, or no SPSS file at all. */
    readonly kind: 'malformed' | 'unsupported' | 'not-sav' = 'malformed',
  ) {
    super(`${M.at(offset)}: ${detail}.`);
  }
}

/** A SavError as the user sees it: where, what, and what to do. */
function toSurveyError(e: SavError, file: string): SurveyError {
  const error =
    e.kind === 'unsupported'
      ? problem('sav-unsupported', e.offset, e.detail)
      : e.kind === 'not-sav'
        ? problem('sav-not-sav', e.offset, e.detail)
        : problem('sav-malformed', e.offset, e.detail);
  return located({ file }, error);
}

/** Runs a parse step; a SavError (or any bug) becomes a failed Result. */
export function catchSav<T>(file: string, run: () => T): Result<T> {
  try {
    return ok(run());
  } catch (e) {
    if (e instanceof SavError) return fail(toSurveyError(e, file));
    // A bug, not the file's fault; still never an exception for the caller.
    const why = e instanceof Error ? e.message : String(e);
    return fail(located({ file }, problem('sav-internal', why)));
  }
}
