// What the library keeps of a survey, in IndexedDB (src/app/persist.ts), in
// links (state/url/shareLink.ts) and in the worker's answers: the parsed
// survey (typed arrays clone cheaply), not the file, so a reload parses nothing.
import type { SurveyDefinition } from '../../core/definition/definition';
import type { PublishedSurvey } from '../../core/published/types';
import type { Loaded } from '../../core/pipeline';
import type { Schema } from '../../core/schema/types';
import type { RespondentTable } from '../../core/table/types';
import { weightFacts, type WeightFacts } from '../../core/table/weightCandidates';
import { surveyOfTable } from './respondentView';

export interface StoredBase {
  id: string;
  /** The name shown in the library; the user may rename it. */
  name: string;
  file: string;
  addedAt: string;
  /** SHA-256 of the file's bytes, hex: a shared link names the file by it ('' for a survey carried in a link). */
  fingerprint: string;
  bytes: number;
  /**
   * Counts the writes under this id (renames, restores, imports), so a tab can
   * tell whether another tab changed the survey since it read it (see
   * state/models/storedChanges.ts). Absent in surveys kept before it existed: 0.
   */
  revision?: number;
  /** When the last write happened (ISO 8601). */
  updatedAt?: string;
}

export type StoredSurvey =
  | (StoredBase & { kind: 'distribution'; survey: PublishedSurvey })
  | (StoredBase & {
      kind: 'respondents';
      table: RespondentTable;
      /** The questions' distributions, computed once at import (see state/respondentView.ts). */
      view?: PublishedSurvey;
      /** What each numeric column's values say about it as a weight, found once at import (core/table/weightCandidates.ts). Absent in surveys kept before it existed: found when first asked. */
      weightFacts?: WeightFacts[];
      /** Every decision the table was read with: it travels in links and downloads. Absent in surveys kept before it existed. */
      definition?: SurveyDefinition;
      /** How the file was read (column names in file order, header lines, questions): what a query over the same file needs ("Copy as SQL"). Absent in surveys kept before it existed. */
      schema?: Schema;
    });

/** Where a record comes from: its library id, file and bytes. */
export type StoredOrigin = Omit<StoredBase, 'name'>;

/**
 * The library record of a loaded survey: published figures as they are;
 * respondent data with its questions' distributions and its numeric columns'
 * weight facts (computed once here, in the import worker: each a pass over
 * every respondent, so the page only reads them) and the definition it was
 * read with. One shape for bundled files and uploads.
 */
export function storedRecord(loaded: Loaded, origin: StoredOrigin): StoredSurvey {
  return loaded.kind === 'distribution'
    ? { ...origin, kind: 'distribution', name: loaded.survey.meta.title, survey: loaded.survey }
    : {
        ...origin,
        kind: 'respondents',
        name: loaded.table.meta.title,
        table: loaded.table,
        view: surveyOfTable(loaded.table, null),
        weightFacts: weightFacts(loaded.table),
        definition: loaded.definition,
        schema: loaded.schema,
      };
}
