// The published-distribution CSV of a pasted question (./pastedQuestion.ts)
// and the user's form: written by the one CSV writer and read back through the
// one import door, exactly as an imported published file is. Kept apart from
// detection so the import worker does not load the writer.
import { tableToCsv } from '../export/csv';
import { parseWholeCell } from './cells';
import { countsMessages as M } from '../messages';
import type { PastedQuestion } from './pastedQuestion';

/** What the user says about the pasted question. */
export interface PastedQuestionForm {
  wording: string;
  publisher: string;
  /** "2024-05" or "2024-05-17", or blank. */
  date: string;
  kind: 'single' | 'multi';
  /** The number of respondents, or blank. */
  baseN: string;
}

export type FormField = 'wording' | 'date' | 'baseN' | 'options';

export type PastedCsv =
  { ok: true; csv: string } | { ok: false; problems: { field: FormField; message: string }[] };

/**
 * The published-distribution CSV of the question: survey title and question
 * wording, publisher, date, the kind the user chose, base_n, then one row per
 * option with its percent as printed. Every problem with the form, by field.
 */
export function pastedQuestionCsv(q: PastedQuestion, form: PastedQuestionForm): PastedCsv {
  const problems: { field: FormField; message: string }[] = [];
  const wording = form.wording.trim();
  if (wording === '') problems.push({ field: 'wording', message: M.wordingRequired });
  const date = form.date.trim();
  if (date !== '' && !isSurveyDate(date))
    problems.push({ field: 'date', message: M.badDate(date) });
  const baseText = form.baseN.trim();
  let baseN = '';
  if (baseText !== '') {
    const parsed = parseWholeCell(baseText);
    if (!parsed.ok || parsed.value === 0)
      problems.push({ field: 'baseN', message: M.badBaseN(baseText) });
    else baseN = String(parsed.value);
  }
  const seen = new Map<string, number>();
  for (const o of q.options) {
    const line = seen.get(o.label);
    if (line !== undefined)
      problems.push({ field: 'options', message: M.duplicateOption(o.label, line, o.line) });
    else seen.set(o.label, o.line);
  }
  if (problems.length > 0) return { ok: false, problems };
  const header = ['survey', 'publisher', 'date', 'question', 'kind', 'base_n', 'option', 'percent'];
  const rows = q.options.map((o, i) =>
    i === 0
      ? [wording, form.publisher.trim(), date, wording, form.kind, baseN, o.label, o.percent]
      : ['', '', '', '', '', '', o.label, o.percent],
  );
  return { ok: true, csv: tableToCsv([header, ...rows]) };
}

/** "2024-05" or a real day "2024-05-17". */
function isSurveyDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (m === null) return false;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const when = new Date(Date.UTC(Number(m[1]), month - 1, day));
  return day >= 1 && when.getUTCMonth() === month - 1;
}
