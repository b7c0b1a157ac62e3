// `crosstab <file> --rows <question> [--cols <question>] [--weight <column> | --no-weight]
//   [--where <question>=<option>]... [--encoding <name>] [--delimiter <char>] [--no-tests] --json`
// Prints the Crosstab (src/core/crosstab/types.ts) as JSON; NaN percents (base 0) print as null.
// A question is named by id or exact text, an option by its exact label. Several --where on
// one question are ORed; --where on different questions are ANDed.
// A sidecar <file>.json ({title, notice, source}) beside the file supplies the survey's notice.
import { existsSync, readFileSync } from 'node:fs';
import { crosstab } from '../core/crosstab/crosstab';
import type { CrosstabSpec } from '../core/crosstab/types';
import { categoricalColumn, optionIndex } from '../core/filter/columns';
import { respondentMessages as M } from '../core/messages';
import { loadSurveyFile, type Delimiter, type EncodingName } from '../core/pipeline';
import { parseSurveySidecar, sidecarPath, type SurveySidecar } from '../core/surveys';
import { fail, ok, type Result } from '../core/result';
import type { RespondentTable } from '../core/table/types';

export interface CrosstabArgs {
  file: string;
  rows: string;
  cols: string | null;
  /** undefined: the file's own weight column, if any; null: unweighted. */
  weight: string | null | undefined;
  where: { question: string; option: string }[];
  encoding?: EncodingName;
  delimiter?: Delimiter;
  tests: boolean;
}

const ENCODINGS: EncodingName[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'windows-1252',
  'macintosh',
];
const DELIMITERS: Record<string, Delimiter> = {
  ',': ',',
  ';': ';',
  '|': '|',
  tab: '\t',
  '\t': '\t',
};

const usageError = (message: string): Result<never> =>
  fail({ code: 'cli-usage', message: `${message}\n${M.cliUsage}` });

export function parseCrosstabArgs(args: readonly string[]): Result<CrosstabArgs> {
  const out: Partial<CrosstabArgs> & { where: CrosstabArgs['where'] } = { where: [], tests: true };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const needsValue = ['--rows', '--cols', '--weight', '--where', '--encoding', '--delimiter'];
    if (needsValue.includes(flag)) {
      const value = args[++i];
      if (value === undefined) return usageError(M.cliMissingValue(flag));
      if (flag === '--rows') out.rows = value;
      else if (flag === '--cols') out.cols = value;
      else if (flag === '--weight') out.weight = value;
      else if (flag === '--where') {
        const eq = value.indexOf('=');
        if (eq <= 0) return usageError(M.cliBadWhere(value));
        out.where.push({ question: value.slice(0, eq), option: value.slice(eq + 1) });
      } else if (flag === '--encoding') {
        const enc = value.toLowerCase() as EncodingName;
        if (!ENCODINGS.includes(enc)) return usageError(M.cliBadChoice(flag, value, ENCODINGS));
        out.encoding = enc;
      } else {
        const delimiter = DELIMITERS[value];
        if (delimiter === undefined)
          return usageError(M.cliBadChoice(flag, value, [',', ';', '|', 'tab']));
        out.delimiter = delimiter;
      }
    } else if (flag === '--no-weight') out.weight = null;
    else if (flag === '--no-tests') out.tests = false;
    else if (flag === '--json') continue;
    else if (flag.startsWith('--')) return usageError(M.cliUnknownFlag(flag));
    else files.push(flag);
  }
  if (files.length !== 1) return usageError('Give exactly one survey file.');
  if (out.rows === undefined) return usageError(M.cliMissingValue('--rows'));
  return ok({
    ...out,
    file: files[0]!,
    rows: out.rows,
    cols: out.cols ?? null,
    weight: out.weight,
    tests: out.tests ?? true,
  });
}

/** Names to ids and labels to option indexes, with errors that list the valid choices. */
export function resolveCrosstabSpec(
  table: RespondentTable,
  args: CrosstabArgs,
): Result<CrosstabSpec> {
  const rows = categoricalColumn(table, args.rows);
  if (!rows.ok) return rows;
  let cols: string | null = null;
  if (args.cols !== null) {
    const found = categoricalColumn(table, args.cols);
    if (!found.ok) return found;
    cols = found.value.id;
  }
  const filter: { questionId: string; options: number[] }[] = [];
  for (const w of args.where) {
    const column = categoricalColumn(table, w.question);
    if (!column.ok) return column;
    const index = optionIndex(column.value, w.option);
    if (!index.ok) return index;
    const same = filter.find((f) => f.questionId === column.value.id);
    if (same !== undefined) same.options.push(index.value);
    else filter.push({ questionId: column.value.id, options: [index.value] });
  }
  return ok({
    rows: { questionId: rows.value.id },
    cols: cols === null ? null : { questionId: cols },
    ...(args.weight === undefined ? {} : { weightId: args.weight }),
    filter,
    tests: args.tests,
  });
}

/** The sidecar <file>.json beside <file>.csv (title, notice, source, answer order), when present and valid. */
function readSidecar(file: string): SurveySidecar {
  const path = sidecarPath(file);
  if (path === file || !existsSync(path)) return {};
  const parsed = parseSurveySidecar(readFileSync(path, 'utf8'), path);
  return parsed.ok ? parsed.value : {};
}

function sidecarOptions({ answerOrder, ...meta }: SurveySidecar) {
  return answerOrder === undefined ? { meta } : { meta, answerOrder };
}

export function crosstabFile(args: CrosstabArgs): Result<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args.file));
  } catch (err) {
    return fail({
      code: 'cli-cannot-read',
      message: M.cliCannotRead(args.file, err instanceof Error ? err.message : String(err)),
      file: args.file,
    });
  }
  const loaded = loadSurveyFile(bytes, {
    file: args.file,
    ...(args.encoding === undefined ? {} : { encoding: args.encoding }),
    ...(args.delimiter === undefined ? {} : { delimiter: args.delimiter }),
    ...sidecarOptions(readSidecar(args.file)),
  });
  if (!loaded.ok) return loaded;
  if (loaded.value.kind !== 'respondents') {
    return fail({
      code: 'crosstab-not-respondents',
      message: M.cliNotRespondents(args.file),
      file: args.file,
    });
  }
  const spec = resolveCrosstabSpec(loaded.value.table, args);
  if (!spec.ok) return spec;
  return crosstab(loaded.value.table, spec.value);
}

export async function runCrosstab(args: string[]): Promise<number> {
  const parsed = parseCrosstabArgs(args);
  const result = parsed.ok ? crosstabFile(parsed.value) : parsed;
  if (!result.ok) {
    const { file, line, column, message } = result.error;
    const where =
      file === undefined
        ? ''
        : `${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : `:${column}`}: `;
    process.stderr.write(`${where}${message}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  return 0;
}
