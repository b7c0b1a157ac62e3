// The library: bundled surveys (and, later, uploads), each parsed and analysed
// once, and turned into view models the UI only renders.
import { analyseSurvey, type SeriesAnalysis } from '../../core/published/analyse';
import type {
  PublishedSurvey,
  PublishedSeries,
  PublishedQuestion,
} from '../../core/published/types';
import { formatSurveyDate } from '../../core/format/date';
import { formatNumber } from '../../core/format/number';
import { libraryMessages } from '../../core/messages';
import { formatPercent, formatPublished } from '../../core/format/percent';
import type { FlagVM, OptionVM, QuestionVM, SeriesVM } from './questionModel';
import type { SurveyDefinition } from '../../core/definition/definition';
import type { Schema } from '../../core/schema/types';
import type { RespondentTable } from '../../core/table/types';
import { surveyOfTable } from './respondentView';

export interface LibraryEntry {
  id: string;
  /** link: a survey carried in a link, shown in this tab only until the user keeps it. */
  origin: 'bundled' | 'upload' | 'link';
  file: string;
  title: string;
  publisher: string | null;
  date: string | null;
  /** "June 2013" from "2013-06"; "Date not given" when the file gives none. */
  dateText: string;
  /** Respondent data: how many respondents (rows); null for published figures. */
  respondents: number | null;
  /** One line under the title: the date, or for respondent data without one its size. */
  subtitle: string;
  population: string | null;
  source: string | null;
  sourceUrl: string | null;
  /** Shown on every view of the survey, e.g. "Simulated respondents, not real data". */
  notice: string | null;
  survey: PublishedSurvey;
  /** Respondent-level data behind the survey, for crosstabs; null for published figures. */
  table: RespondentTable | null;
  /** SHA-256 of the uploaded file; null for bundled surveys. */
  fingerprint: string | null;
  /** Every decision respondent data was read with (null for published figures and older uploads). */
  definition: SurveyDefinition | null;
  /** How respondent data's file was read (state/models/copySql.ts); null for published figures and older uploads. */
  schema: Schema | null;
  questions: QuestionVM[];
  /** Flags a reader should look at (not counting "kind inferred" notes). */
  flagCount: number;
}

export interface LibraryGroup {
  publisher: string;
  entries: LibraryEntry[];
}

export interface Library {
  /** True until the bundled surveys and the saved uploads have been read. */
  loading: boolean;
  entries: LibraryEntry[];
  groups: LibraryGroup[];
  flagCount: number;
  loadErrors: { file: string; message: string }[];
}

/** "Kind inferred" is shown as a chip beside the kind, not as a flag to review. */
const REVIEW_FLAG = (f: FlagVM) => f.code !== 'kind-inferred';

function optionVMs(series: PublishedSeries): OptionVM[] {
  return series.options.map((o, index) => ({
    index,
    label: o.omitted ? `${o.label} (not published)` : o.label,
    value: o.percent?.value ?? null,
    text: o.percent ? formatPublished(o.percent) : o.omitted ? '—' : 'no figure',
    lowerBound: o.percent?.lowerBound ?? false,
    rank: o.rank,
    omitted: o.omitted,
    published: o,
  }));
}

function seriesVM(series: PublishedSeries, a: SeriesAnalysis): SeriesVM {
  const totalText =
    a.total === null
      ? 'No figures'
      : `${a.totalLowerBound ? 'at least ' : ''}${formatPercent(a.total, a.totalDecimals)}`;
  const multi = a.flags.find((f) => f.code === 'multi-total-over-100');
  return {
    segment: series.segment,
    base: series.base,
    subgroup: series.subgroup,
    kind: a.kind,
    kindInferred: a.kindInferred,
    total: a.total,
    totalText,
    answersPerRespondent: a.answersPerRespondent,
    multiNote: multi ? multi.message : null,
    hasData: a.hasData,
    flags: a.flags.filter(REVIEW_FLAG),
    options: optionVMs(series),
  };
}

/** A flag of a question, with the segments it is said for (one row for identical ones). */
export interface QuestionFlag {
  flag: FlagVM;
  /** The segments the flag is said for, in order; [null] for a question without segments. */
  segments: (string | null)[];
}

/** The question's flags, one per code and message: segments saying the same thing are grouped. */
export function questionFlags(q: QuestionVM): QuestionFlag[] {
  const out: QuestionFlag[] = [];
  const byKey = new Map<string, QuestionFlag>();
  for (const s of q.series) {
    for (const flag of s.flags) {
      const key = `${flag.code}\u0000${flag.message}`;
      const known = byKey.get(key);
      if (known !== undefined) known.segments.push(s.segment);
      else {
        const row = { flag, segments: [s.segment] };
        byKey.set(key, row);
        out.push(row);
      }
    }
  }
  return out;
}

export interface EntryExtras {
  table?: RespondentTable | null;
  fingerprint?: string | null;
  definition?: SurveyDefinition | null;
  schema?: Schema | null;
  /** Name the user gave an upload; overrides the survey's title. */
  name?: string | null;
}

export function entryFromSurvey(
  id: string,
  file: string,
  origin: LibraryEntry['origin'],
  survey: PublishedSurvey,
  extras: EntryExtras = {},
): LibraryEntry {
  const analysis = analyseSurvey(survey);
  const questions: QuestionVM[] = survey.questions.map((q: PublishedQuestion, qi) => ({
    surveyId: id,
    id: q.id,
    text: q.text,
    note: q.note,
    series: q.series.map((s, si) => {
      const a = analysis.questions[qi]?.series[si];
      if (!a) throw new Error(`analysis missing for ${q.id}`);
      const vm = seriesVM(s, a);
      // Respondent data has no "published chart": a question without options is numeric or free text.
      return extras.table ? { ...vm, flags: vm.flags.filter((f) => f.code !== 'no-data') } : vm;
    }),
  }));
  // A flag said alike for several segments of a question counts once (a banner
  // file's subgroup note would otherwise count once per banner column).
  const flagCount = questions.reduce((n, q) => n + questionFlags(q).length, 0);
  return {
    id,
    origin,
    file,
    title: extras.name ?? survey.meta.title,
    // Respondent data has no publisher: it is the user's own (or the bundled simulation).
    publisher: extras.table ? null : survey.meta.publisher,
    date: survey.meta.date,
    dateText: formatSurveyDate(survey.meta.date),
    respondents: extras.table ? extras.table.rowCount : null,
    subtitle:
      extras.table && !survey.meta.date
        ? libraryMessages.respondents(formatNumber(extras.table.rowCount, 0))
        : formatSurveyDate(survey.meta.date),
    population: survey.meta.population,
    source: survey.meta.source,
    sourceUrl: survey.meta.sourceUrl,
    notice: extras.table?.meta.notice ?? null,
    survey,
    table: extras.table ?? null,
    fingerprint: extras.fingerprint ?? null,
    definition: extras.definition ?? null,
    schema: extras.schema ?? null,
    questions,
    flagCount,
  };
}

/** A library entry for respondent-level data: its questions' distributions, and the table for crosstabs. */
export function entryFromTable(
  id: string,
  file: string,
  origin: LibraryEntry['origin'],
  table: RespondentTable,
  extras: Omit<EntryExtras, 'table'> & { date?: string | null; view?: PublishedSurvey } = {},
): LibraryEntry {
  // `view`: the distributions computed at import, so opening a large survey costs no pass over it.
  const view = extras.view ?? surveyOfTable(table, extras.date ?? null);
  return entryFromSurvey(id, file, origin, view, { ...extras, table });
}

export function libraryOf(
  entries: LibraryEntry[],
  loadErrors: Library['loadErrors'] = [],
  loading = false,
): Library {
  const sorted = [...entries].sort(
    (a, b) =>
      (a.publisher ?? '').localeCompare(b.publisher ?? '') ||
      (a.date ?? '').localeCompare(b.date ?? ''),
  );
  const groups: LibraryGroup[] = [];
  for (const entry of sorted) {
    const publisher =
      entry.publisher ??
      (entry.table ? libraryMessages.respondentGroup : libraryMessages.unknownPublisher);
    const group = groups.find((g) => g.publisher === publisher);
    if (group) group.entries.push(entry);
    else groups.push({ publisher, entries: [entry] });
  }
  return {
    loading,
    entries: sorted,
    groups,
    flagCount: sorted.reduce((n, e) => n + e.flagCount, 0),
    loadErrors,
  };
}
