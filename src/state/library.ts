// The library: bundled surveys (and, later, uploads), each parsed and analysed
// once, and turned into view models the UI only renders.
import { isDistributionHeader, parseDistributionCsv } from '../core/published/parse';
import { analyseSurvey, type SeriesAnalysis } from '../core/published/analyse';
import type { PublishedSurvey, PublishedSeries, PublishedQuestion } from '../core/published/types';
import { formatPercent, formatPublished, formatNumber } from '../core/format/percent';
import type { FlagVM, OptionVM, QuestionVM, SeriesVM } from './questionModel';

export interface LibraryEntry {
  id: string;
  origin: 'bundled' | 'upload';
  file: string;
  title: string;
  publisher: string | null;
  date: string | null;
  /** "June 2013" from "2013-06". */
  dateText: string;
  population: string | null;
  source: string | null;
  sourceUrl: string | null;
  /** Shown on every view of the survey, e.g. "Simulated respondents, not real data". */
  notice: string | null;
  survey: PublishedSurvey;
  questions: QuestionVM[];
  /** Flags a reader should look at (not counting "kind inferred" notes). */
  flagCount: number;
}

export interface LibraryGroup {
  publisher: string;
  entries: LibraryEntry[];
}

export interface Library {
  entries: LibraryEntry[];
  groups: LibraryGroup[];
  flagCount: number;
  loadErrors: { file: string; message: string }[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2013-06" -> "June 2013"; "2013-08-12" -> "12 August 2013"; anything else as written. */
export function formatSurveyDate(date: string | null): string {
  if (!date) return 'Date not given';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1] ?? date;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
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

export function entryFromSurvey(
  id: string,
  file: string,
  origin: LibraryEntry['origin'],
  survey: PublishedSurvey,
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
      return seriesVM(s, a);
    }),
  }));
  const flagCount = questions.reduce((n, q) => n + q.series.reduce((m, s) => m + s.flags.length, 0), 0);
  return {
    id,
    origin,
    file,
    title: survey.meta.title,
    publisher: survey.meta.publisher,
    date: survey.meta.date,
    dateText: formatSurveyDate(survey.meta.date),
    population: survey.meta.population,
    source: survey.meta.source,
    sourceUrl: survey.meta.sourceUrl,
    notice: null,
    survey,
    questions,
    flagCount,
  };
}

/** Build the library from files' texts: { "surveys/x.csv": "…" }. */
export function buildLibrary(files: Record<string, string>): Library {
  const entries: LibraryEntry[] = [];
  const loadErrors: Library['loadErrors'] = [];
  for (const [path, text] of Object.entries(files)) {
    const file = path.split('/').pop() ?? path;
    const id = file.replace(/\.csv$/i, '');
    // Respondent-level files are loaded by the import pipeline, not here.
    const header = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').split(',');
    if (!isDistributionHeader(header)) continue;
    const parsed = parseDistributionCsv(text, file);
    if (parsed.ok) entries.push(entryFromSurvey(id, file, 'bundled', parsed.value));
    else loadErrors.push({ file, message: parsed.error.message });
  }
  return libraryOf(entries, loadErrors);
}

export function libraryOf(entries: LibraryEntry[], loadErrors: Library['loadErrors'] = []): Library {
  const sorted = [...entries].sort(
    (a, b) => (a.publisher ?? '').localeCompare(b.publisher ?? '') || (a.date ?? '').localeCompare(b.date ?? ''),
  );
  const groups: LibraryGroup[] = [];
  for (const entry of sorted) {
    const publisher = entry.publisher ?? 'Unknown publisher';
    const group = groups.find((g) => g.publisher === publisher);
    if (group) group.entries.push(entry);
    else groups.push({ publisher, entries: [entry] });
  }
  return {
    entries: sorted,
    groups,
    flagCount: sorted.reduce((n, e) => n + e.flagCount, 0),
    loadErrors,
  };
}

export { formatNumber };
