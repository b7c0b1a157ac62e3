// One code, one message. Every problem a user can meet has a stable code (tests
// and the UI key on it) and exactly one text, kept with its area's other texts
// (csvErrors in csv.ts, xlsxErrors in xlsx.ts, …); errorText joins the areas'
// tables. problem(code, ...args) is the one way to make an error, its
// arguments typed by the text they fill in; located(place, error) records
// where it is and, for messages that do not name their place, says it first.
import { capEcho } from '../format/bidi';
import type { SurveyError } from '../result';
import { cliErrors } from './cli';
import { countsErrors } from './counts';
import { csvErrors } from './csv';
import { definitionErrors } from './definition';
import { exportErrors } from './export';
import { shareErrors } from './link';
import { parquetErrors } from './parquet';
import { publishedErrors } from './published';
import { respondentErrors } from './respondent';
import { savErrors } from './sav';
import { schemaErrors } from './schema';
import { sqlErrors } from './sql';
import { storageErrors } from './storage';
import { tabBookErrors } from './tabBook';
import { tabsErrors } from './tabs';
import { xlsxErrors } from './xlsx';

type Text = string | ((...args: never[]) => string);

/** Every error code and its one message (tests/core/messages.test.ts checks that no code is in two areas). */
export const errorText = {
  ...csvErrors,
  ...schemaErrors,
  ...definitionErrors,
  ...publishedErrors,
  ...respondentErrors,
  ...tabsErrors,
  ...tabBookErrors,
  ...savErrors,
  ...parquetErrors,
  ...xlsxErrors,
  ...sqlErrors,
  ...countsErrors,
  ...shareErrors,
  ...storageErrors,
  ...exportErrors,
  ...cliErrors,
} as const satisfies Record<string, Text>;

export type ErrorCode = keyof typeof errorText;

/** What the code's message is filled in with: nothing for a fixed text. */
export type ErrorArgs<C extends ErrorCode> = (typeof errorText)[C] extends (
  ...args: infer A
) => string
  ? A
  : [];

/** The error `code` names, with its message. */
export function problem<C extends ErrorCode>(code: C, ...args: ErrorArgs<C>): SurveyError {
  const text: Text = errorText[code];
  const message =
    typeof text === 'string' ? text : (text as (...a: ErrorArgs<C>) => string)(...args);
  return { code, message };
}

/** Where a problem is. */
export interface Place {
  file?: string;
  /** 1-based line of the file (row of a pasted table). */
  line?: number;
  /** 1-based column (field number). */
  column?: number;
  /**
   * Begin the message with the place, for messages that do not name it
   * themselves: 'line' reads "Line 7: …", 'cell' "Line 7, column 12 ("percent"): …";
   * a pasted table counts rows: 'row' reads "Row 2: …", 'row-cell' "Row 2, column 3 ("B"): …".
   * Without it the place is only recorded (the CLI prints it as file:line:column).
   */
  say?: 'line' | 'cell' | 'row' | 'row-cell';
  /** The column's name or label, quoted after its number when the cell is said. */
  name?: string;
}

/** The error, at `place`. */
export function located(place: Place, error: SurveyError): SurveyError {
  const out: SurveyError = { ...error };
  if (place.file !== undefined) out.file = place.file;
  if (place.line !== undefined) out.line = place.line;
  if (place.column !== undefined) out.column = place.column;
  const where = placeText(place);
  if (where !== '') out.message = `${where}: ${error.message}`;
  return out;
}

function placeText({ say, line, column, name }: Place): string {
  if (say === undefined || line === undefined) return '';
  const start = `${say === 'row' || say === 'row-cell' ? 'Row' : 'Line'} ${line}`;
  if (say === 'line' || say === 'row' || column === undefined) return start;
  return `${start}, column ${column}${name === undefined || name === '' ? '' : ` ("${capEcho(name)}")`}`;
}
