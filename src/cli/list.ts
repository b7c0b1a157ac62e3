// `list [--json]`: the surveys bundled in surveys/, with id, title and size.
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { publishedMessages as M } from '../core/messages';
import { loadSurveyFile } from '../core/pipeline';
import { isDistributionCsv, parseDistributionCsv } from '../core/published/parse';
import type { Result } from '../core/result';
import { summarisePublishedSurvey, surveyIdFromFile } from '../core/surveys';
import type { SurveySummary } from '../core/surveys';
import { formatError, readSidecar } from './inspect';
import type { SurveySidecar } from '../core/surveys';

const SURVEYS = new URL('../../surveys/', import.meta.url);

export async function runList(args: string[]): Promise<number> {
  let json = false;
  for (const a of args) {
    if (a === '--json') json = true;
    else {
      process.stderr.write(`${M.cliUnknownFlag(a, M.cliListUsage)}\n`);
      return 2;
    }
  }
  const folder = fileURLToPath(SURVEYS);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  } catch {
    names = [];
  }
  if (names.length === 0) {
    process.stderr.write(`${M.cliNoSurveys(folder)}\n`);
    return 1;
  }
  const summaries: SurveySummary[] = [];
  let failed = false;
  for (const name of names) {
    const file = `surveys/${name}`;
    const sidecar = await readSidecar(fileURLToPath(new URL(name, SURVEYS)));
    const summary =
      sidecar !== null && !sidecar.ok
        ? sidecar
        : summarise(file, await readFile(new URL(name, SURVEYS)), sidecar?.value);
    if (summary.ok) summaries.push(summary.value);
    else {
      failed = true;
      process.stderr.write(`${formatError(summary.error)}\n`);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
  else {
    const lines = summaries.map(
      (s) =>
        `${s.id}  ${s.title}${s.publisher === null ? '' : ` (${s.publisher}${s.date === null ? '' : `, ${s.date}`})`}: ${s.questions} question${s.questions === 1 ? '' : 's'}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return failed ? 1 : 0;
}

function summarise(
  file: string,
  bytes: Uint8Array,
  sidecar: SurveySidecar | undefined,
): Result<SurveySummary> {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (isDistributionCsv(text)) {
    const parsed = parseDistributionCsv(text, file);
    return parsed.ok ? { ok: true, value: summarisePublishedSurvey(file, parsed.value) } : parsed;
  }
  const { answerOrder, ...meta } = sidecar ?? {};
  const loaded = loadSurveyFile(bytes, {
    file,
    ...(sidecar === undefined ? {} : { meta }),
    ...(answerOrder === undefined ? {} : { answerOrder }),
  });
  if (!loaded.ok) return loaded;
  if (loaded.value.kind === 'distribution') {
    return { ok: true, value: summarisePublishedSurvey(file, loaded.value.survey) };
  }
  const table = loaded.value.table;
  return {
    ok: true,
    value: {
      id: surveyIdFromFile(file),
      file,
      format: 'respondents',
      title: table.meta.title,
      publisher: null,
      date: null,
      questions: table.columns.length,
    },
  };
}
