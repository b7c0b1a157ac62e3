// One published series (a question as asked of one segment) as a grid for a
// report: a header block saying what the figures are, a blank row, then the
// options with their percents exactly as printed, the total and the nets.
// The context holds what the question page already shows, so the export says
// the same as the screen and computes nothing. Titles and labels are isolated
// (src/core/format/bidi.ts): a label's U+202E cannot turn its percent around.
import { exportMessages as M, analystMessages as AM } from '../messages';
import { isolate } from '../format/bidi';

export interface QuestionExportOption {
  label: string;
  /** The percent as the page shows it: "38.07%", "30+%", "not published". */
  text: string;
  rank: number | null;
}

/** The 95% intervals of the options, as the page has them, with the line naming their base. */
export interface QuestionExportIntervals {
  /** "Intervals: Wilson 95%. Intervals use the base you typed, 500. Design effect 1, effective base 500." */
  line: string;
  /** One per option, in option order: the ends as written ("17.40"); null: no interval ("30+%"). */
  ends: readonly ({ low: string; high: string } | null)[];
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
  /** Interval columns (95% low, 95% high) and their line; absent or null: no base, no intervals. */
  intervals?: QuestionExportIntervals | null;
}

/**
 * The grid: one cell per header row (title, question, segment, base, notes,
 * source, and the intervals line when there are intervals), an empty row, then
 * "Option | Percent [| 95% low | 95% high] [| Rank]" rows, "Total", nets.
 */
export function questionExport(ctx: QuestionExportContext): string[][] {
  const header: string[][] = [[isolate(ctx.surveyTitle)], [M.question(ctx.questionText)]];
  if (ctx.segment !== null) header.push([M.segment(ctx.segment)]);
  const n = ctx.baseN ?? null;
  if (ctx.base !== null) {
    header.push([n === null ? M.base(ctx.base) : `${M.base(ctx.base)} (${M.baseN(n)})`]);
  } else {
    header.push([n === null ? M.baseUnknown : M.base(M.baseN(n))]);
  }
  const intervals = ctx.intervals ?? null;
  if (intervals !== null) header.push([intervals.line]);
  for (const note of distinctNotes(ctx.notes)) header.push([M.note(note)]);
  header.push([sourceLine(ctx)]);

  const ranked = ctx.options.some((o) => o.rank !== null);
  // Interval ends sit beside the percent they belong to; the rank stays last.
  const row = (label: string, text: string, rank: string, ends: readonly string[]): string[] => [
    label,
    text,
    ...(intervals === null ? [] : ends),
    ...(ranked ? [rank] : []),
  ];
  const none = ['', ''];
  const table: string[][] = [
    row(M.headerOption, M.headerPercent, M.headerRank, [AM.exportLow, AM.exportHigh]),
  ];
  ctx.options.forEach((o, i) => {
    const e = intervals?.ends[i] ?? null;
    table.push(
      row(
        isolate(o.label),
        o.text,
        o.rank === null ? '' : String(o.rank),
        e === null ? none : [e.low, e.high],
      ),
    );
  });
  if (ctx.totalText !== null) table.push(row(M.total, ctx.totalText, '', none));
  for (const net of ctx.nets) table.push(row(isolate(net.label), net.text, '', none));
  return [...header, [], ...table];
}

/** Letters and digits only, lower case: two notes that say the same words compare equal. */
const words = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The notes without repeats: a note whose words another note already says
 * (the file's "Ranks 4, 6, 7 and 8 are not published." beside the flag
 * "Partial list: ranks 4, 6, 7 and 8 are not published.") is left out.
 */
export function distinctNotes(notes: readonly string[]): string[] {
  const said = notes.map(words);
  return notes.filter((_, i) => {
    const mine = said[i] ?? '';
    if (mine === '') return false;
    return !said.some((other, j) => j !== i && (other === mine ? j < i : other.includes(mine)));
  });
}

/** Where the survey comes from, in one line of parts for M.source. */
export interface SourceParts {
  surveyTitle: string;
  publisher: string | null;
  /** As the caller shows it: "2013-07" or "July 2013". */
  date: string | null;
  source?: string | null;
  sourceUrl?: string | null;
}

/**
 * "Source: Sootoo Research, 2013-06. …": the publisher and date, then the
 * source in words and its link. When the source already names the publisher
 * ("Eguan, as reported on a blog…"), the publisher is not said twice and the
 * date follows the source in brackets.
 */
export function sourceLine(ctx: SourceParts): string {
  const source = ctx.source ?? '';
  const date = ctx.date ?? '';
  const publisher = ctx.publisher ?? '';
  const named = publisher !== '' && words(source).includes(words(publisher));
  const parts = named
    ? [date === '' ? source : `${isolate(source)} (${date})`, ctx.sourceUrl ?? '']
    : [
        [publisher, date]
          .filter((p) => p !== '')
          .map(isolate)
          .join(', '),
        source,
        ctx.sourceUrl ?? '',
      ];
  const kept = parts.filter((p) => p !== '');
  return M.source(kept.length === 0 ? [ctx.surveyTitle] : kept);
}
