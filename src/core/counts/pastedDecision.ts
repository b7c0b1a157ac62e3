// Whether a file is one published question or respondent rows, decided in one
// place for every reader of the one import door (pipeline.ts, through the row
// sink): detection proposes a two-column table of labels and percents
// (proposePastedQuestion, the detector the import preview shows), the survey
// definition's "content" decides, and the decision is recorded in the
// definition the survey is loaded with. A file decided to be a published
// question is read by the published-distribution reader, from the rows the
// paste form writes (pastedQuestionRows): one detector, one reader.
import type { DefinedPublishedQuestion, SurveyDefinition } from '../definition/definition';
import { DEFINITION_FORMAT, DEFINITION_VERSION } from '../definition/definition';
import type { ReadSettings } from '../definition/apply';
import { countsMessages as M, located, problem } from '../messages';
import { parseDistributionRows } from '../published/parse';
import type { PublishedSurvey } from '../published/types';
import { fail, ok, type Result } from '../result';
import { fileStem } from '../surveys';
import { pastedQuestionRows, proposePastedQuestion, type PastedQuestion } from './pastedQuestion';

/**
 * The published question the rows are read as, or null for respondent rows.
 * `whole`: the rows are the whole file (a proposal from the first rows of a
 * longer file would leave the rest out). `shapeChosen`: the user chose how to
 * read the file (the preview's shape), so nothing is proposed.
 */
export function decidePasted(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  definition: SurveyDefinition | undefined,
  whole: boolean,
  shapeChosen: boolean,
  file: string,
): Result<PastedQuestion | null> {
  const content = definition?.content;
  if (content === 'respondents' || (shapeChosen && content === undefined)) return ok(null);
  const proposed = whole ? proposePastedQuestion(rows, lines) : null;
  if (content === 'published-question' && proposed === null)
    return fail(located({ file }, problem('counts-not-published-question')));
  return ok(proposed);
}

export interface PastedLoad {
  survey: PublishedSurvey;
  /** The decision and the answers it was read with, complete: it travels with the survey. */
  definition: SurveyDefinition;
  /** What the file did not say, and how to say it. */
  warnings: string[];
}

/**
 * The published question a decided file holds: wording, publisher, date, kind
 * and base from the definition's "published" (wording: the file's name, kind:
 * inferred from the total, when it gives none), read as a published file is.
 */
export function loadPastedQuestion(
  q: PastedQuestion,
  file: string,
  given: SurveyDefinition | undefined,
  read: ReadSettings | null,
): Result<PastedLoad> {
  const p = given?.published ?? {};
  const wording = p.question ?? fileStem(file);
  const publisher = p.publisher ?? null;
  const date = p.date ?? null;
  const baseN = p.baseN ?? null;
  const rows = pastedQuestionRows(q, {
    wording,
    publisher: publisher ?? '',
    date: date ?? '',
    kind: p.kind ?? '',
    baseN: baseN === null ? '' : String(baseN),
  });
  if (!rows.ok)
    return fail(
      located(
        { file },
        problem(
          'counts-published-question-answers',
          rows.problems.map((x) => x.message),
        ),
      ),
    );
  const survey = parseDistributionRows(rows.rows, file);
  if (!survey.ok) return survey;
  // A kind given is kept; none given stays inferred from the total, as it is read.
  const published: DefinedPublishedQuestion = { question: wording, publisher, date, baseN };
  if (p.kind !== undefined) published.kind = p.kind;
  const definition: SurveyDefinition = {
    format: DEFINITION_FORMAT,
    version: DEFINITION_VERSION,
    content: 'published-question',
    published,
  };
  if (read !== null) {
    definition.encoding = read.encoding;
    definition.delimiter = read.delimiter;
  }
  const warnings = [M.readAsPublished(q.reason, given?.content === 'published-question')];
  if (p.question === undefined) warnings.push(M.wordingFromFileName(wording));
  if (publisher === null || date === null)
    warnings.push(M.publisherDateUnknown(publisher === null, date === null));
  return ok({ survey: survey.value, definition, warnings });
}
