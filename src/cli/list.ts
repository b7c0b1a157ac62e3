// `list [--json]`: the surveys bundled in surveys/, with id, title and question
// count, each opened by the one door (open.ts) with its own definition.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { cliMessages as M, problem } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result, SurveyError } from '../core/result';
import { summarisePublishedSurvey, surveyIdFromFile } from '../core/surveys';
import type { SurveySummary } from '../core/surveys';
import { formatError, openSurvey } from './open';
import { printJson, runCommand } from './run';

const SURVEYS = new URL('../../surveys/', import.meta.url);

export async function runList(argv: readonly string[]): Promise<number> {
  let failed = false;
  const code = await runCommand('list', argv, async (args) => {
    const listed = await listSurveys();
    if (!listed.ok) return listed;
    const { summaries, errors } = listed.value;
    // A survey that cannot be read is reported, and the others still listed.
    for (const e of errors) process.stderr.write(`${formatError(e)}\n`);
    failed = errors.length > 0;
    if (args.json) return ok(printJson(summaries));
    const lines = summaries.map((s) =>
      M.listLine(
        s.id,
        s.title,
        s.publisher === null ? null : [s.publisher, s.date].filter((x) => x !== null).join(', '),
        s.questions,
      ),
    );
    return ok(`${lines.join('\n')}\n`);
  });
  return code === 0 && failed ? 1 : code;
}

/** Every bundled survey's summary, and the errors of those that cannot be read. */
export async function listSurveys(): Promise<
  Result<{ summaries: SurveySummary[]; errors: SurveyError[] }>
> {
  const folder = fileURLToPath(SURVEYS);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) return fail(problem('cli-no-surveys', folder));
  const summaries: SurveySummary[] = [];
  const errors: SurveyError[] = [];
  for (const name of names) {
    const file = `surveys/${name}`;
    const opened = await openSurvey({ file: fileURLToPath(new URL(name, SURVEYS)), multi: [] });
    if (!opened.ok) {
      errors.push(opened.error);
      continue;
    }
    const loaded = opened.value;
    summaries.push(
      loaded.kind === 'distribution'
        ? summarisePublishedSurvey(file, loaded.survey)
        : {
            id: surveyIdFromFile(file),
            file,
            format: 'respondents',
            title: loaded.table.meta.title,
            publisher: null,
            date: null,
            questions: loaded.table.columns.length,
          },
    );
  }
  return ok({ summaries, errors });
}
