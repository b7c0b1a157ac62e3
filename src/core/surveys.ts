// Naming surveys after their files, and the one-line summary the library page
// and `cli list` show for each survey. No file system access here: callers read.
import type { PublishedSurvey } from './published/types';

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

/**
 * "surveys/demo.csv" -> "surveys/demo.json": where a respondent file's survey
 * definition (src/core/definition) is read from when none is given.
 */
export function sidecarPath(file: string): string {
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return `${dot > slash + 1 ? file.slice(0, dot) : file}.json`;
}
