// Exports (src/core/export, src/app/export*, src/charts/export.ts): the header
// lines of a CSV export, its column labels, and exporting in a worker.
import { capEcho, isolate } from '../format/bidi';
import { formatCount } from '../format/number';

export const exportErrors = {
  'export-png-failed':
    'The chart could not be turned into a PNG picture in this browser. Download it as SVG instead (word processors and slide software open SVG too).',
  'export-cancelled': (title: string) =>
    `Export of "${capEcho(title)}" cancelled; nothing was saved.`,
  'export-failed': (title: string, why: string) =>
    `The export of "${capEcho(title)}" failed (${why}). Try again; if it fails again, reload the page.`,
} as const;

export const exportMessages = {
  // Data text beside the app's words is isolated (src/core/format/bidi.ts): a label's
  // override must not turn "(n = 1,200)" or the rest of the line around.
  question: (text: string) => `Question: ${isolate(text)}`,
  segment: (segment: string) => `Segment: ${isolate(segment)}`,
  base: (base: string) => `Base: ${isolate(base)}`,
  baseN: (n: number) => `n = ${n.toLocaleString('en-US')}`,
  baseUnknown: 'Base: not published',
  note: (text: string) => `Note: ${isolate(text)}`,
  source: (parts: string[]) => `Source: ${parts.map(isolate).join('. ')}`,
  sourceRespondents: (title: string) => `Source: respondent-level data, "${isolate(title)}"`,
  rows: (text: string) => `Rows: ${isolate(text)}`,
  columns: (text: string) => `Columns: ${isolate(text)}`,
  columnsTotal: 'Columns: Total (no column question)',
  filter: (text: string | null) =>
    `Filter: ${text === null ? 'none (all respondents)' : isolate(text)}`,
  weight: (weight: string | null) =>
    weight === null ? 'Weight: none (unweighted counts)' : `Weight: ${isolate(weight)}`,
  percents: (label: string) => `Percents: ${label}`,
  percentLabels: {
    col: "column percents (each column's respondents are 100%)",
    row: "row percents (each row's respondents are 100%)",
    total: 'total percents (everyone in the table is 100%)',
    cases:
      "percent of those who answered (respondents who chose at least one option are 100%; SPSS's percent of cases)",
    resp: 'percent of respondents (everyone asked the question is 100%, including those who chose none)',
    responses: 'percent of responses (all mentions are 100%)',
  },
  percentFallback: (asked: string) =>
    ` The view asks for ${asked}, which needs a multi-answer question; column percents are shown instead.`,
  chiSquare: (statistic: string, df: number, p: string) =>
    `Chi-square: ${statistic} with ${df} degree${df === 1 ? '' : 's'} of freedom, p ${p}`,
  chiSquareNone: 'Chi-square: not computed for this table',
  tests: (note: string) => `Significance: ${note}`,
  headerOption: 'Option',
  headerPercent: 'Percent',
  headerRank: 'Rank',
  total: 'Total',
  baseRowUnweighted: 'Base (unweighted)',
  baseRowWeighted: 'Base (weighted)',
  baseRowCases: 'Base (cases: chose at least one option)',
  baseRowResponses: 'Base (responses: all mentions)',
  rowBaseUnweighted: 'Row base (unweighted)',
  rowBaseWeighted: 'Row base (weighted)',
  measurePercent: '%',
  measureCount: 'Count',
  measureSig: 'Higher than',
  notApplicable: '–',
} as const;

export const exportWorkerMessages = {
  writing: (done: number, total: number) =>
    `Writing ${formatCount(done)} of ${formatCount(total)} rows`,
  cancel: 'Cancel export',
  done: (title: string, rows: number) => `Exported "${capEcho(title)}": ${formatCount(rows)} rows.`,
  progressLabel: (title: string) => `Exporting "${capEcho(title)}"`,
  busy: 'Another export is running: wait for it or cancel it first.',
} as const;
