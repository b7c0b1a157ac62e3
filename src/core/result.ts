// Every fallible step in core returns a Result instead of throwing, so that no
// exception ever reaches the UI: callers must look at `ok` before the value.
import type { ErrorCode } from './messages/errors';

/** A user-facing problem with a file or a link: where it is, what is wrong, what to do. */
export interface SurveyError {
  /** Stable code, e.g. "import-ragged-row": one of the catalogue's (messages/errors.ts), each with one message. */
  code: ErrorCode;
  /** One or two sentences a user understands: what is wrong and what to do. */
  message: string;
  file?: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** 1-based column (field number), where known. */
  column?: number;
}

export type Result<T, E = SurveyError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = SurveyError>(error: E): Result<never, E> => ({ ok: false, error });
