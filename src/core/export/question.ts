// One published series (a question as asked of one segment) as a grid for a
// report: a header block saying what the figures are, a blank row, then the
// options with their percents exactly as printed, the total and the nets.
// The context holds what the question page already shows, so the export says
// the same as the screen and computes nothing.
import { exportMessages as M } from '../messages';

export interface QuestionExportOption {
  label: string;
  /** The percent as the page shows it: "38.07%", "30+%", "not published". */
  text: string;
  rank: number | null;
}

export interface QuestionExportNet {
  label: string;
  /** As the page shows it: "66.04%", "at least 40%", "47.4%–100.0%". */
  text: string;
}

export interface QuestionExportContext {
  surveyTitle: string;
  publisher: string | null;
  /** As published: "2013-07". */
  date: string | null;
  /** Where the figures come from, in words (SurveyMeta.source). */
  source?: string | null;
  sourceUrl?: string | null;
  questionText: string;
  segment: string | null;
  base: string | null;
  baseN?: number | null;
  /**
   * Notes in the order the page shows them: the question's note, the
   * multi-answer note ("Multiple answers allowed: …"), the flags' messages.
   */
  notes: readonly string[];
  options: readonly QuestionExportOption[];
  /** "100.01%"; null to leave the total row out (no figures published). */
  totalText: string | null;
  nets: readonly QuestionExportNet[];
}

/**
 * The grid: one cell per header row (title, question, segment, base, notes,
 * source), an empty row, then "Option | Percent [| Rank]" rows, "Total", nets.
 */
export function questionExport(ctx: QuestionExportContext): string[][] {
  const header: string[][] = [[ctx.surveyTitle], [M.question(ctx.questionText)]];
  if (ctx.segment !== null) header.push([M.segment(ctx.segment)]);
  const n = ctx.baseN ?? null;
  if (ctx.base !== null) {
    header.push([n === null ? M.base(ctx.base) : `${M.base(ctx.base)} (${M.baseN(n)})`]);
  } else {
    header.push([n === null ? M.baseUnknown : M.base(M.baseN(n))]);
  }
  for (const note of ctx.notes) header.push([M.note(note)]);
  header.push([sourceLine(ctx)]);

  const ranked = ctx.options.some((o) => o.rank !== null);
  const row = (label: string, text: string, rank: string): string[] =>
    ranked ? [label, text, rank] : [label, text];
  const table: string[][] = [row(M.headerOption, M.headerPercent, M.headerRank)];
  for (const o of ctx.options) {
    table.push(row(o.label, o.text, o.rank === null ? '' : String(o.rank)));
  }
  if (ctx.totalText !== null) table.push(row(M.total, ctx.totalText, ''));
  for (const net of ctx.nets) table.push(row(net.label, net.text, ''));
  return [...header, [], ...table];
}

function sourceLine(ctx: QuestionExportContext): string {
  const who = [ctx.publisher, ctx.date].filter((p): p is string => p !== null && p !== '');
  const parts = [who.join(', '), ctx.source ?? '', ctx.sourceUrl ?? ''].filter((p) => p !== '');
  return M.source(parts.length === 0 ? [ctx.surveyTitle] : parts);
}
