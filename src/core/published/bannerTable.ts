// Published banner tables (FiveThirtyEight's masculinity-survey.csv): one or
// two banner header lines, then for each question a row with the question text
// alone in the first column, followed by option rows ("", label, "37%", ...).
// Each banner column becomes a segment of a PublishedSurvey; kinds are left to
// inference (a "Select all that apply" block totals over 100%).
import { located, problem } from '../messages';
import type {
  PublishedOption,
  PublishedPercent,
  PublishedQuestion,
  PublishedSurvey,
} from './types';
import { fail, ok } from '../result';
import type { Result } from '../result';

const PERCENT = /^(\d+(?:[.,](\d+))?)\s*%?$/;
const LOOKS_LIKE_PERCENT = /%\s*$/;
const SUBGROUP = /^(AMONG [^:]+):\s*([\s\S]+)$/;

const blank = (s: string | undefined): boolean => (s ?? '').trim() === '';

function isQuestionRow(row: readonly string[]): boolean {
  return !blank(row[0]) && row.slice(1).every((c) => blank(c));
}

function isOptionRow(row: readonly string[]): boolean {
  return (
    blank(row[0]) && !blank(row[1]) && row.slice(2).some((c) => LOOKS_LIKE_PERCENT.test(c.trim()))
  );
}

/** True when the rows read as a banner table: question rows followed by option rows of `37%` cells. */
export function isBannerTable(rows: readonly string[][]): boolean {
  let questions = 0;
  let options = 0;
  let other = 0;
  for (const row of rows.slice(1)) {
    if (row.every((c) => blank(c))) continue;
    if (isQuestionRow(row)) questions++;
    else if (isOptionRow(row)) options++;
    else other++;
  }
  return questions >= 1 && options >= 2 && options >= 2 * other;
}

function parsePercentCell(text: string): PublishedPercent | null {
  const m = PERCENT.exec(text.trim());
  if (m?.[1] === undefined) return null;
  return {
    text: text.trim(),
    value: Number(m[1].replace(',', '.')),
    decimals: m[2]?.length ?? 0,
    lowerBound: false,
  };
}

/**
 * `rows` are the file's rows from the first line; `lines[i]` is the 1-based line
 * where rows[i] starts (defaults to i + 1).
 */
export function parseBannerRows(
  rows: readonly string[][],
  file: string,
  lines?: readonly number[],
): Result<PublishedSurvey> {
  const lineOf = (i: number): number => lines?.[i] ?? i + 1;
  const firstQuestion = rows.findIndex(
    (r, i) => isQuestionRow(r) && rows[i + 1] !== undefined && isOptionRow(rows[i + 1] as string[]),
  );
  const headerRows = rows.slice(0, Math.max(0, firstQuestion));
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const valueCols: number[] = [];
  for (let c = 2; c < width; c++)
    if (rows.some((r) => isOptionRow(r) && !blank(r[c]))) valueCols.push(c);

  const top = headerRows[0] ?? [];
  const sub = headerRows.length > 1 ? (headerRows[headerRows.length - 1] ?? []) : [];
  const segments = valueCols.map((c) => {
    let g = c;
    while (g > 1 && blank(top[g])) g--;
    const group = (top[g] ?? '').trim();
    const item = (sub[c] ?? '').trim();
    if (item === '') return group === '' ? `Column ${c + 1}` : group;
    return group === '' ? item : `${group}: ${item}`;
  });
  const population = blank(top[0]) ? null : (top[0] as string).trim();

  const questions: PublishedQuestion[] = [];
  let current: { q: PublishedQuestion; options: PublishedOption[][] } | null = null;
  for (let i = Math.max(0, firstQuestion); i < rows.length; i++) {
    const row = rows[i] as string[];
    if (row.every((c) => blank(c))) continue;
    if (isQuestionRow(row)) {
      const raw = (row[0] as string).trim();
      const m = SUBGROUP.exec(raw);
      const base = m?.[1] ?? population;
      const q: PublishedQuestion = {
        id: `q${questions.length + 1}`,
        text: (m?.[2] ?? raw).trim(),
        declaredKind: null,
        note: null,
        series: segments.map((segment) => ({
          segment,
          base,
          subgroup: m !== null,
          baseN: null,
          options: [],
        })),
      };
      questions.push(q);
      current = { q, options: q.series.map((s) => s.options) };
      continue;
    }
    if (current === null)
      return fail(located({ file, line: lineOf(i), column: 1 }, problem('banner-no-question')));
    const label = (row[1] ?? '').trim();
    for (let k = 0; k < valueCols.length; k++) {
      const c = valueCols[k] as number;
      const cell = (row[c] ?? '').trim();
      let percent: PublishedPercent | null = null;
      if (cell !== '') {
        percent = parsePercentCell(cell);
        if (percent === null)
          return fail(
            located({ file, line: lineOf(i), column: c + 1 }, problem('banner-bad-percent', cell)),
          );
      }
      current.options[k]?.push({ label, percent, rank: null, omitted: false });
    }
  }
  const title = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return ok({
    format: 'distribution',
    meta: { title, publisher: null, date: null, population, source: null, sourceUrl: null },
    questions,
  });
}
