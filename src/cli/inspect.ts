// `inspect <file.csv> [--json]`: what the engine reads from a survey file.
// Published distributions: one entry per question and segment, with totals,
// kinds and flags. Respondent data: each question's share of respondents per option.
import { readFile } from 'node:fs/promises';
import { formatPercent } from '../core/format/percent';
import { publishedMessages as M } from '../core/messages';
import { loadSurveyFile } from '../core/pipeline';
import type { Delimiter, EncodingName, LoadOptions } from '../core/pipeline';
import { describePublishedSurvey } from '../core/published/describe';
import type { DescribedSurvey } from '../core/published/describe';
import { isDistributionCsv, parseDistributionCsv } from '../core/published/parse';
import type { Result, SurveyError } from '../core/result';
import { parseSurveySidecar, sidecarPath, type SurveySidecar } from '../core/surveys';
import { describeRespondentTable } from '../core/table/describe';
import type { DescribedTable } from '../core/table/describe';
import { ENCODINGS } from '../core/csv/encoding';

interface InspectArgs {
  file: string;
  json: boolean;
  encoding?: EncodingName;
  delimiter?: Delimiter;
  /** Title, notice and source of respondent data, from the file's .json sidecar. */
  meta?: SurveySidecar;
}

type Inspected =
  | ({ file: string } & DescribedSurvey)
  | ({ file: string } & Omit<DescribedTable, 'questions'> & {
        title: string;
        notice: string | null;
        source: string | null;
        questions: DescribedTable['questions'];
      });

export async function runInspect(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(parsed.file);
  } catch (e) {
    process.stderr.write(`${M.cliCannotRead(parsed.file, readError(e))}\n`);
    return 1;
  }
  const meta = await readSidecar(parsed.file);
  if (meta !== null && !meta.ok) {
    process.stderr.write(`${formatError(meta.error)}\n`);
    return 1;
  }
  if (meta !== null) parsed.meta = meta.value;
  const result = inspectBytes(bytes, parsed);
  if ('code' in result) {
    process.stderr.write(`${formatError(result)}\n`);
    return 1;
  }
  process.stdout.write(parsed.json ? `${JSON.stringify(result, null, 2)}\n` : humanSummary(result));
  return 0;
}

/** Read a file's bytes as the engine does; a SurveyError when it cannot be read. */
export function inspectBytes(bytes: Uint8Array, args: InspectArgs): Inspected | SurveyError {
  const survey = readPublished(bytes, args);
  if (survey !== null) {
    if (!survey.ok) return survey.error;
    return { file: args.file, ...describePublishedSurvey(survey.value) };
  }
  const opts: LoadOptions = { file: args.file };
  if (args.encoding !== undefined) opts.encoding = args.encoding;
  if (args.delimiter !== undefined) opts.delimiter = args.delimiter;
  if (args.meta !== undefined) {
    const { answerOrder, ...meta } = args.meta;
    opts.meta = meta;
    if (answerOrder) opts.answerOrder = answerOrder;
  }
  const loaded = loadSurveyFile(bytes, opts);
  if (!loaded.ok) return loaded.error;
  if (loaded.value.kind === 'distribution') {
    return { file: args.file, ...describePublishedSurvey(loaded.value.survey) };
  }
  const table = loaded.value.table;
  const described = describeRespondentTable(table);
  return {
    file: args.file,
    format: 'respondents',
    title: table.meta.title,
    notice: table.meta.notice,
    source: table.meta.source,
    rowCount: described.rowCount,
    weight: described.weight,
    questions: described.questions.map((q) => ({
      ...q,
      options: q.options.map((o) => ({
        ...o,
        percent: o.percent === null ? null : Math.round(o.percent * 100) / 100,
      })),
    })),
  };
}

/**
 * A UTF-8 file in our own distribution format is read directly; anything else
 * (other encodings, banner tables, respondent data) goes through the pipeline.
 */
function readPublished(bytes: Uint8Array, args: InspectArgs) {
  if (args.encoding !== undefined && args.encoding !== 'utf-8') return null;
  if (args.delimiter !== undefined) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (!isDistributionCsv(text)) return null;
  return parseDistributionCsv(text, args.file);
}

function parseArgs(args: string[]): InspectArgs | string {
  const files: string[] = [];
  let json = false;
  let encoding: EncodingName | undefined;
  let delimiter: Delimiter | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--encoding' || a === '--delimiter') {
      const value = args[++i];
      if (value === undefined) return M.cliMissingValue(a, M.cliInspectUsage);
      if (a === '--encoding') {
        const name = ENCODINGS.find((e) => e === value.toLowerCase().replace(/^utf8$/, 'utf-8'));
        if (name === undefined) return M.cliBadEncoding(value, ENCODINGS);
        encoding = name;
      } else {
        const d = ({ ',': ',', ';': ';', '|': '|', '\t': '\t', '\\t': '\t', tab: '\t' } as const)[
          value as ',' | ';' | '|' | '\t' | '\\t' | 'tab'
        ];
        if (d === undefined) return M.cliBadDelimiter(value);
        delimiter = d;
      }
    } else if (a.startsWith('--')) return M.cliUnknownFlag(a, M.cliInspectUsage);
    else files.push(a);
  }
  const [file] = files;
  if (file === undefined || files.length > 1) return M.cliOneFile(M.cliInspectUsage);
  const out: InspectArgs = { file, json };
  if (encoding !== undefined) out.encoding = encoding;
  if (delimiter !== undefined) out.delimiter = delimiter;
  return out;
}

/** The .json sidecar next to a file, parsed; null when there is none. */
export async function readSidecar(file: string): Promise<Result<SurveySidecar> | null> {
  const path = sidecarPath(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  return parseSurveySidecar(text, path);
}

function readError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EISDIR') return 'it is a folder, not a file.';
  if (code === 'EACCES') return 'permission denied.';
  return e instanceof Error ? e.message : String(e);
}

export function formatError(e: SurveyError): string {
  return e.file === undefined ? e.message : `${e.file}: ${e.message}`;
}

function humanSummary(r: Inspected): string {
  const out: string[] = [];
  if (r.format === 'distribution') {
    const m = r.survey;
    out.push(m.title);
    const by = [m.publisher, m.date].filter((x): x is string => x !== null).join(', ');
    if (by !== '') out.push(by);
    const count = new Set(r.questions.map((q) => q.id)).size;
    out.push(
      `${count} question${count === 1 ? '' : 's'}, ${r.questions.length} series (question × segment) in ${r.file}`,
      '',
    );
    for (const q of r.questions) {
      const kind = `${q.kind}${q.kindInferred ? ' (inferred)' : ''}`;
      const total =
        q.total === null
          ? 'no figures'
          : `total ${q.totalLowerBound ? 'at least ' : ''}${formatPercent(q.total, q.totalDecimals)}`;
      out.push(`${q.id}${q.segment === null ? '' : ` [${q.segment}]`}  ${q.text}`);
      out.push(`    ${kind}, ${total}, ${q.options.length} options`);
      for (const f of q.flags) out.push(`    ${f.severity}: ${f.message}`);
    }
  } else {
    out.push(r.title);
    if (r.notice !== null) out.push(r.notice);
    out.push(
      `${r.rowCount} respondents in ${r.file}${r.weight === null ? '' : `, weight: ${r.weight}`}`,
      '',
    );
    for (const q of r.questions) {
      out.push(
        q.text === q.id ? q.id : `${q.id}  ${q.text}`,
        `    ${q.kind}, ${q.answered} answered`,
      );
      for (const o of q.options.slice(0, 8)) {
        out.push(`    ${o.percent === null ? '–' : formatPercent(o.percent, 1)}  ${o.label}`);
      }
      if (q.options.length > 8) out.push(`    … ${q.options.length - 8} more options`);
    }
  }
  return `${out.join('\n')}\n`;
}
