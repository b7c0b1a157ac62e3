// Naming surveys after their files, and the one-line summary the library page
// and `cli list` show for each survey. No file system access here: callers read.
import { publishedMessages as M } from './messages';
import type { PublishedSurvey } from './published/types';
import { fail, ok } from './result';
import type { Result } from './result';
import type { RespondentMeta } from './table/types';

/** "surveys/eguan-2013-07.csv" -> "eguan-2013-07": the file name without folder or extension. */
export function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The id a bundled survey goes by in links and the CLI: its file name without ".csv". */
export function surveyIdFromFile(file: string): string {
  return fileStem(file);
}

export interface SurveySummary {
  id: string;
  file: string;
  format: 'distribution' | 'respondents';
  title: string;
  publisher: string | null;
  date: string | null;
  /** Number of questions (columns, for respondent data). */
  questions: number;
}

export function summarisePublishedSurvey(file: string, survey: PublishedSurvey): SurveySummary {
  return {
    id: surveyIdFromFile(file),
    file,
    format: 'distribution',
    title: survey.meta.title,
    publisher: survey.meta.publisher,
    date: survey.meta.date,
    questions: survey.questions.length,
  };
}

/** "surveys/demo.csv" -> "surveys/demo.json": where a respondent file's title, notice and source live. */
export function sidecarPath(file: string): string {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return `${dot > slash + 1 ? file.slice(0, dot) : file}.json`;
}

/** The sidecar of a respondent file: {"title", "notice", "source"}, each an optional string. */
/** What a sidecar `<file>.json` may hold: the table's meta, and answer orders. */
export type SurveySidecar = Partial<RespondentMeta> & { answerOrder?: Record<string, string[]> };

export function parseSurveySidecar(text: string, file: string): Result<SurveySidecar> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail({ code: 'sidecar-invalid', message: M.sidecarInvalid, file });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail({ code: 'sidecar-invalid', message: M.sidecarInvalid, file });
  }
  const meta: SurveySidecar = {};
  for (const key of ['title', 'notice', 'source'] as const) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') {
      return fail({ code: 'sidecar-invalid', message: M.sidecarField(key), file });
    }
    meta[key] = v;
  }
  const order = (value as Record<string, unknown>).answerOrder;
  if (order !== undefined && order !== null) {
    const ok =
      typeof order === 'object' &&
      !Array.isArray(order) &&
      Object.values(order).every((v) => Array.isArray(v) && v.every((l) => typeof l === 'string'));
    if (!ok) return fail({ code: 'sidecar-invalid', message: M.sidecarField('answerOrder'), file });
    meta.answerOrder = Object.fromEntries(Object.entries(order as Record<string, string[]>));
  }
  return ok(meta);
}
