// Reading the published-distribution CSV format: one row per option, with
// survey-, question- and segment-level columns given once, on the first row
// they apply to. Never throws: every problem is a SurveyError with the file,
// line, column and what to do.
import { unescapeCell } from '../export/formula';
import Papa from 'papaparse';
import { located, problem } from '../messages';
import { fail, ok } from '../result';
import type { Result, SurveyError } from '../result';
import { fileStem } from '../surveys';
import { SURVEY_COLUMNS, isDistributionHeader } from './columns';
import type { DistributionColumn, SurveyColumn } from './columns';
import { indexHeader } from './header';
import { isOmittedPlaceholder, parsePercentText, parseRankText } from './percent';
import type {
  PublishedOption,
  PublishedQuestion,
  PublishedSeries,
  PublishedSurvey,
  QuestionKind,
} from './types';

const KINDS: readonly QuestionKind[] = ['single', 'multi', 'numeric', 'text'];

/** A cell as data: trimmed, and the export's formula escape ("'=...", "'+...") undone. */
function cellText(raw: string): string {
  return unescapeCell(raw.trim());
}

interface SeriesState {
  series: PublishedSeries;
  line: number;
  /** Line where each segment-level value was first given. */
  given: Partial<Record<'base' | 'subgroup' | 'base_n', { text: string; line: number }>>;
  optionLines: Map<string, number>;
}

interface QuestionState {
  question: PublishedQuestion;
  key: string;
  given: Partial<Record<'question' | 'kind' | 'note', { text: string; line: number }>>;
  segmentLines: Map<string, number>;
  current: SeriesState;
}

/**
 * Parse rows (header first) of a published-distribution file. `lines` gives the
 * 1-based line of each row in the file when rows span several lines (quoted
 * line breaks); by default row i is on line i + 1.
 */
export function parseDistributionRows(
  rows: readonly (readonly string[])[],
  file: string,
  lines?: readonly number[],
): Result<PublishedSurvey> {
  const lineOf = (i: number): number => lines?.[i] ?? i + 1;
  const header = rows[0];
  if (header === undefined || rows.every(isBlankRow)) {
    return fail(located({ file }, problem('import-empty')));
  }

  // 1. Header: every named column must be one we know.
  const indexed = indexHeader(rows, lineOf, file);
  if (!indexed.ok) return indexed;
  const index = indexed.value;
  const dataRows = rows.map((r, i) => ({ row: r, i })).filter((r) => r.i > 0 && !isBlankRow(r.row));
  if (dataRows.length === 0) {
    return fail(located({ file, line: lineOf(0) }, problem('distribution-no-rows')));
  }
  // A question_id column left entirely blank counts as absent: ids are q1, q2, …
  const idIndex = index.get('question_id');
  const hasIds =
    idIndex !== undefined && dataRows.some((r) => (r.row[idIndex] ?? '').trim() !== '');
  const keyColumn: DistributionColumn = hasIds ? 'question_id' : 'question';

  const meta: Partial<Record<SurveyColumn, { text: string; line: number }>> = {};
  const questions: PublishedQuestion[] = [];
  const questionLines = new Map<string, number>();
  let q: QuestionState | null = null;

  for (const { row, i } of dataRows) {
    const line = lineOf(i);
    const bad = (column: DistributionColumn, error: SurveyError) =>
      fail(
        located(
          { file, line, column: (index.get(column) ?? -1) + 1, say: 'cell', name: column },
          error,
        ),
      );
    const cell = (column: DistributionColumn): string => {
      const j = index.get(column);
      return j === undefined ? '' : cellText(row[j] ?? '');
    };

    // Values beyond the header would be lost: refuse them.
    for (let j = header.length; j < row.length; j++) {
      if ((row[j] ?? '').trim() !== '') {
        return fail(
          located(
            { file, line, column: j + 1, say: 'cell' },
            problem('distribution-extra-field', row.length),
          ),
        );
      }
    }

    // 2. Survey-level values: one survey per file.
    for (const column of SURVEY_COLUMNS) {
      const value = cell(column);
      if (value === '') continue;
      const first = meta[column];
      if (first === undefined) meta[column] = { text: value, line };
      else if (first.text !== value) {
        return bad(
          column,
          problem('distribution-survey-conflict', column, value, first.text, first.line),
        );
      }
    }

    // 3. Question: a non-blank key that differs from the current one starts a new question.
    const key = cell(keyColumn);
    const segmentText = cell('segment');
    if (key !== '' && (q === null || key !== q.key)) {
      if (hasIds) {
        const firstLine = questionLines.get(key);
        if (firstLine !== undefined) {
          return bad('question_id', problem('distribution-duplicate-question-id', key, firstLine));
        }
      }
      const text = cell('question');
      if (text === '') return bad('question', problem('distribution-question-text-missing'));
      const id = hasIds ? key : `q${questions.length + 1}`;
      questionLines.set(key, line);
      const series = newSeries(segmentText, line);
      const question: PublishedQuestion = {
        id,
        text,
        declaredKind: null,
        note: null,
        series: [series.series],
      };
      questions.push(question);
      q = {
        question,
        key,
        given: { question: { text, line } },
        segmentLines: new Map([[segmentText, line]]),
        current: series,
      };
    } else if (q === null) {
      return bad(keyColumn, problem('distribution-row-before-question', keyColumn));
    } else if (segmentText !== '' && segmentText !== q.current.series.segment) {
      // 4. Segment: a non-blank segment that differs starts a new series of this question.
      if (q.current.series.segment === null) {
        return bad('segment', problem('distribution-segment-missing', segmentText));
      }
      const firstLine = q.segmentLines.get(segmentText);
      if (firstLine !== undefined) {
        return bad('segment', problem('distribution-duplicate-segment', segmentText, firstLine));
      }
      q.current = newSeries(segmentText, line);
      q.question.series.push(q.current.series);
      q.segmentLines.set(segmentText, line);
    }
    const question = q.question;
    const current = q.current;

    // Question-level values: given once; later rows leave them blank or repeat them.
    for (const column of ['question', 'kind', 'note'] as const) {
      if (column === 'question' && keyColumn === 'question') continue;
      const value = cell(column);
      if (value === '') continue;
      const first = q.given[column];
      if (first !== undefined) {
        if (first.text !== value) {
          return bad(
            column,
            problem('distribution-question-conflict', column, value, first.text, first.line),
          );
        }
        continue;
      }
      if (column === 'kind') {
        const kind = KINDS.find((k) => k === value.toLowerCase());
        if (kind === undefined) return bad('kind', problem('distribution-bad-kind', value));
        question.declaredKind = kind;
      } else if (column === 'note') {
        question.note = value;
      }
      q.given[column] = { text: value, line };
    }

    // Segment-level values: given once per series.
    for (const column of ['base', 'subgroup', 'base_n'] as const) {
      const value = cell(column);
      if (value === '') continue;
      const first = current.given[column];
      if (first !== undefined) {
        const same =
          column === 'subgroup'
            ? first.text.toLowerCase() === value.toLowerCase()
            : first.text === value;
        if (!same) {
          return bad(
            column,
            problem('distribution-segment-conflict', column, value, first.text, first.line),
          );
        }
        continue;
      }
      if (column === 'base') current.series.base = value;
      else if (column === 'subgroup') {
        const v = value.toLowerCase();
        if (v !== 'yes' && v !== 'no')
          return bad(column, problem('distribution-bad-subgroup', value));
        current.series.subgroup = v === 'yes';
      } else {
        const n = parseCount(value);
        if (n === null) return bad(column, problem('distribution-bad-base-n', value));
        current.series.baseN = n;
      }
      current.given[column] = { text: value, line };
    }

    // 5. Option: every row; blank option and percent means "no figures" for this row.
    const label = cell('option');
    const percentText = cell('percent');
    const rankText = cell('rank');
    if (label === '') {
      if (percentText !== '') {
        return bad('option', problem('distribution-missing-option', percentText));
      }
      if (rankText !== '') return bad('option', problem('distribution-missing-option', rankText));
      continue;
    }
    const percent = parsePercentText(percentText);
    if (percent === undefined)
      return bad('percent', problem('distribution-bad-percent', percentText));
    const rank = parseRankText(rankText);
    if (rank === undefined) return bad('rank', problem('distribution-bad-rank', rankText));
    const omitted = percent === null && isOmittedPlaceholder(label);
    if (!omitted) {
      const firstLine = current.optionLines.get(label);
      if (firstLine !== undefined) {
        return bad('option', problem('distribution-duplicate-option', label, firstLine));
      }
      current.optionLines.set(label, line);
    }
    const option: PublishedOption = { label, percent, rank, omitted };
    current.series.options.push(option);
  }

  const title = meta.survey?.text ?? fileStem(file);
  return ok({
    format: 'distribution',
    meta: {
      title,
      publisher: meta.publisher?.text ?? null,
      date: meta.date?.text ?? null,
      population: meta.population?.text ?? null,
      source: meta.source?.text ?? null,
      sourceUrl: meta.source_url?.text ?? null,
    },
    questions,
  });
}

/**
 * Parse the text of a published-distribution CSV file (a UTF-8 BOM is ignored;
 * the delimiter is detected among comma, semicolon, tab and pipe).
 */
export function parseDistributionCsv(text: string, file: string): Result<PublishedSurvey> {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  const lines: number[] = [];
  let cursor = 0;
  let line = 1;
  let quoteError: number | null = null;
  Papa.parse<string[]>(source, {
    delimiter: headerDelimiter(source),
    step: (result) => {
      const end = result.meta.cursor;
      lines.push(line);
      if (quoteError === null && result.errors.some((e) => e.code === 'MissingQuotes')) {
        quoteError = line;
      }
      line += countLineBreaks(source, cursor, end);
      cursor = end;
      rows.push(result.data);
    },
  });
  if (quoteError !== null) {
    return fail(
      located({ file, line: quoteError, say: 'line' }, problem('distribution-unclosed-quote')),
    );
  }
  return parseDistributionRows(rows, file, lines);
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) n++;
  }
  return n;
}

function newSeries(segment: string, line: number): SeriesState {
  return {
    series: {
      segment: segment === '' ? null : segment,
      base: null,
      subgroup: false,
      baseN: null,
      options: [],
    },
    line,
    given: {},
    optionLines: new Map(),
  };
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((c) => c.trim() === '');
}

/** "1200", "1,200" -> 1200; anything else -> null. */
function parseCount(text: string): number | null {
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(text)) return null;
  const n = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** True when the first line of a CSV text is a published-distribution header. */
export function isDistributionCsv(text: string): boolean {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const first = Papa.parse<string[]>(source, { preview: 1, delimiter: headerDelimiter(source) })
    .data[0];
  return first !== undefined && isDistributionHeader(first);
}

/**
 * The delimiter is the one that splits the header line into the required
 * columns (comma, semicolon, tab or pipe); values cannot fool it, as they could
 * a guess from the data rows. Comma when none does.
 */
function headerDelimiter(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end < 0 ? text : text.slice(0, end);
  const found = [',', ';', '\t', '|'].find((d) =>
    isDistributionHeader(header.split(d).map((c) => c.replace(/^"|"$/g, ''))),
  );
  return found ?? ',';
}
