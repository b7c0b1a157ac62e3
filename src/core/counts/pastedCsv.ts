// The published-distribution CSV of a pasted question (./pastedQuestion.ts)
// and the user's form: written by the one CSV writer and read back through the
// one import door, exactly as an imported published file is. Kept apart from
// detection and the rows (./pastedQuestion.ts) so the import worker does not
// load the writer.
import { tableToCsv } from '../export/csv';
import { pastedQuestionRows } from './pastedQuestion';
import type { FormField, PastedQuestion, PastedQuestionForm } from './pastedQuestion';

export type { FormField, PastedQuestionForm } from './pastedQuestion';

export type PastedCsv =
  { ok: true; csv: string } | { ok: false; problems: { field: FormField; message: string }[] };

/** The published-distribution CSV of the question (pastedQuestionRows, written by the one CSV writer). */
export function pastedQuestionCsv(q: PastedQuestion, form: PastedQuestionForm): PastedCsv {
  const out = pastedQuestionRows(q, form);
  return out.ok ? { ok: true, csv: tableToCsv(out.rows) } : out;
}
