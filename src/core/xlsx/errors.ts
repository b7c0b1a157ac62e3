// The one exception of the .xlsx reader. The XML scanner calls its handlers
// from deep inside a loop over the decompressed bytes, so a problem found
// there is thrown, not returned; read.ts catches it at the door and turns it
// (and anything else thrown) into a SurveyError: nothing escapes as an
// exception.

import type { SurveyError } from '../result';

export class XlsxError extends Error {
  constructor(
    /** The problem, as problem() made it. */
    readonly error: SurveyError,
    /** The sheet row the problem is on, where known (reported as the line). */
    readonly row?: number,
  ) {
    super(error.message);
  }
}
