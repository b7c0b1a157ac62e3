// A two-column table of labels and percents pasted from a report ("Option,
// Percent" / "Answer, %", or no header) is one published question, not three
// respondents. Detection proposes it (proposePastedQuestion, the one detector:
// the import preview shows its proposal, and the one import door reads a file
// so unless its definition says otherwise, see ./pastedDecision.ts); the user
// gives its wording, publisher and date and decides its kind; pastedQuestionRows
// makes the published-distribution rows that the door reads, as it reads any
// published file (the paste form saves them as CSV, ./pastedCsv.ts).
import { formatPercent } from '../format/percent';
import { decideKind } from '../published/kind';
import { parsePercentText } from '../published/percent';
import { totals } from '../published/tolerance';
import type { PublishedOption } from '../published/types';
import { hasPercentSign, parseWholeCell } from './cells';
import { countsMessages as M } from '../messages';

export interface PastedOption {
  label: string;
  /** The percent as printed ("45%", "12.5"). */
  percent: string;
  /** 1-based line of the pasted text. */
  line: number;
}

export interface PastedQuestion {
  /** The header row ("Option", "Percent"), or null when the first row is an option. */
  header: [string, string] | null;
  options: PastedOption[];
  /** The total of the percents and how it is shown ("100%", "163%"). */
  total: number;
  totalText: string;
  /** Proposed from the total, as published figures' kinds are inferred (published/kind.ts). */
  kind: 'single' | 'multi';
  /** Over 100% by more than rounding but under 120%: a misprint, or several answers each? */
  ambiguous: boolean;
  /** Why detection proposes a published question, in words. */
  reason: string;
}

/** A header cell that names a percent column: "Percent", "%", "Share", "占比"… */
const PERCENT_HEADER =
  /%|percent|per\s*cent|pct|share|proportion|pourcentage|porcentaje|prozent|百分比|占比|比例/i;
const MAX_OPTIONS = 200;

/**
 * The rows as read (header first, as the preview reads them): a published
 * question when every non-blank row has two cells, the second a percent from 0
 * to 100, and either the percents carry "%", the header names a percent, or
 * (with no header) they add up to 100% within rounding. Otherwise null.
 */
export function proposePastedQuestion(
  rows: readonly (readonly string[])[],
  lines?: readonly number[],
): PastedQuestion | null {
  const kept: { cells: string[]; line: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cells = [...(rows[i] ?? [])];
    while (cells.length > 0 && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
    if (cells.length === 0) continue;
    if (cells.length !== 2) return null;
    kept.push({ cells: cells.map((c) => c.trim()), line: lines?.[i] ?? i + 1 });
  }
  const first = kept[0];
  if (first === undefined) return null;
  const headed = !isPercent(first.cells[1] ?? '');
  const data = headed ? kept.slice(1) : kept;
  if (data.length < 2 || data.length > MAX_OPTIONS) return null;
  const options: PastedOption[] = [];
  const published: PublishedOption[] = [];
  let signs = 0;
  for (const row of data) {
    const [label = '', text = ''] = row.cells;
    const percent = parsePercentText(text);
    if (label === '' || percent === null || percent === undefined) return null;
    if (percent.value < 0 || percent.value > 100) return null;
    if (hasPercentSign(text)) signs++;
    options.push({ label, percent: text, line: row.line });
    published.push({ label, percent, rank: null, omitted: false });
  }
  const t = totals(published);
  const total = t.total ?? 0;
  const allSigned = signs === data.length;
  const namedPercent = headed && PERCENT_HEADER.test(first.cells[1] ?? '');
  const addsUp = Math.abs(total - 100) <= t.tolerance;
  if (!(allSigned || namedPercent || (!headed && addsUp))) return null;
  const decided = decideKind(null, t);
  const totalText = formatPercent(total, t.decimals);
  return {
    header: headed ? [first.cells[0] ?? '', first.cells[1] ?? ''] : null,
    options,
    total,
    totalText,
    kind: decided.kind === 'multi' ? 'multi' : 'single',
    ambiguous: decided.ambiguous,
    reason: M.pastedReason(options.length, totalText),
  };
}

function isPercent(text: string): boolean {
  const p = parsePercentText(text);
  return p !== null && p !== undefined;
}

/** What the user says about the pasted question. */
export interface PastedQuestionForm {
  wording: string;
  publisher: string;
  /** "2024-05" or "2024-05-17", or blank. */
  date: string;
  /** Blank: inferred from the total when read, as a published file's blank kind is. */
  kind: 'single' | 'multi' | '';
  /** The number of respondents, or blank. */
  baseN: string;
}

export type FormField = 'wording' | 'date' | 'baseN' | 'options';

export type PastedRows =
  { ok: true; rows: string[][] } | { ok: false; problems: { field: FormField; message: string }[] };

/**
 * The published-distribution rows of the question (header first): survey
 * title and question wording, publisher, date, the kind decided, base_n, then
 * one row per option with its percent as printed. Every problem with the
 * answers, by field. The one import door reads these rows when a file is
 * decided to hold one published question (pipeline.ts); the paste form writes
 * them as CSV (pastedQuestionCsv).
 */
export function pastedQuestionRows(q: PastedQuestion, form: PastedQuestionForm): PastedRows {
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
  return { ok: true, rows: [header, ...rows] };
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
