// The tab book in the app (src/state/models/tabBook*, src/ui/TabBook*,
// src/ui/BannerEditor.tsx) and the banner a survey definition saves
// (src/core/definition/banner.ts).
import { isolate } from '../format/bidi';
import { formatCount } from '../format/number';

const q = (id: string) => `"${isolate(id)}"`;
const list = (items: readonly string[], max = 40) =>
  `${items.slice(0, max).map(q).join(', ')}${items.length > max ? ', …' : ''}`;

/** A banner that cannot be read or used, and a tab book that cannot be built or saved. */
export const tabBookErrors = {
  'banner-unknown-question': (id: string, valid: readonly string[]) =>
    `The banner names ${q(id)}, which is not a question of this survey. Its questions are: ${list(valid)}. Remove it from the banner, or put it back under that id.`,
  'banner-needs-band': (id: string) =>
    `The banner names the numeric question ${q(id)} without cut points. Band it (e.g. 25, 35, 45, 55 for ages) so its answers make columns, or remove it from the banner.`,
  'tabs-no-banner':
    'Give the banner questions with --banner <question>[,<question>...], e.g. --banner gender,age_group, or save a banner in the survey definition ("banner": {"columns": ["gender", "age_group"]}).',
  'tabs-no-rows': 'Tick at least one question, or choose every question.',
  'banner-survey-gone':
    'This survey is no longer in your library (deleted in another tab?), so the banner was not saved.',
  'banner-no-definition':
    'This survey was imported before surveys kept their definition, so it has none to hold a banner. Import the file again, then save the banner.',
  'tabs-worker-failed': (why: string) =>
    `Building the tab book stopped unexpectedly (${why}). Nothing was changed; try again.`,
  // A banner as a document (a definition's, or a link's), whatever the survey.
  'definition-banner-twice': (id: string) =>
    `The banner names the question ${q(id)} twice. Keep it once: each banner question is one group of columns.`,
  'definition-banner-nested': (id: string) =>
    `The banner nests ${q(id)} within itself. Nest it within another single-answer question, or put it on the banner on its own.`,
  'definition-band-twice': (id: string) =>
    `The banner bands the question ${q(id)} twice. Give its cut points once.`,
  'definition-band-cuts': (id: string, cuts: readonly number[]) =>
    `The banner's cut points for ${q(id)} (${cuts.join(', ')}) are not in increasing order. Give each cut point once, smallest first, e.g. 25, 35, 45, 55.`,
  'definition-band-labels': (id: string, got: number, want: number) =>
    `The banner gives ${got} band label${got === 1 ? '' : 's'} for ${q(id)}, which has ${want} bands. Give one label per band (one more than the cut points), or leave the labels out.`,
} as const;

// ---- The banner in a survey definition ----------------------------------------

export const bannerMessages = {
  notJsonValue: 'it is not JSON',
} as const;

// ---- The tab book page ----------------------------------------------------------

export const tabBookMessages = {
  heading: 'Tab book',
  pageLink: 'Tab book',
  surveyLink: 'Tab book: every question against a banner',
  respondents: (n: number) => `${formatCount(n)} respondents`,
  // The banner editor.
  bannerHeading: 'Banner',
  bannerIntro:
    'Total comes first; then each banner question is a group of columns, and letters are tested within each group.',
  bannerEmpty: 'No banner questions yet: the tables show Total only. Add a question below.',
  bannerList: 'Banner questions, in order',
  addQuestion: 'Add to the banner',
  addQuestionLabel: 'Question to add',
  addButton: 'Add',
  remove: (text: string) => `Remove ${isolate(text)} from the banner`,
  moveUp: (text: string) => `Move ${isolate(text)} up`,
  moveDown: (text: string) => `Move ${isolate(text)} down`,
  nestWithin: (text: string) => `Nest ${isolate(text)} within`,
  notNested: 'not nested',
  nestedWithin: (inner: string, outer: string) => `${isolate(inner)} within ${isolate(outer)}`,
  cutsLabel: (text: string) => `Cut points for ${isolate(text)}`,
  cutsHelp: 'Each cut point starts a band: 25, 35, 45 makes 18–24, 25–34, 35–44 and 45+.',
  cutsProblem: (text: string) =>
    `"${isolate(text)}" is not a list of numbers in increasing order. Type cut points like 25, 35, 45, 55.`,
  bandsPreview: (labels: readonly string[]) => `Bands: ${labels.join(', ')}`,
  numericTag: 'numbers, banded',
  multiTag: 'multi-answer',
  saveBanner: 'Save banner',
  saved: 'Saved with the survey: its definition now holds this banner.',
  unsaved: 'This banner differs from the one saved with the survey.',
  savedMatches: 'This is the banner saved with the survey.',
  bundledNoSave:
    "A bundled survey cannot be changed, so this banner is not saved with it: it stays in this view's link (Copy link to this view shares it). Import the file to save a banner with it.",
  resetBanner: 'Back to the saved banner',
  // Rows and tests.
  rowsHeading: 'Rows',
  rowsAll: 'Every question',
  rowsChosen: 'Only these questions',
  rowsPicker: 'Row questions',
  /** Beside the row picker, and the error when no row is ticked. */
  rowsNone: tabBookErrors['tabs-no-rows'],
  testsHeading: 'Significance letters',
  upperLevel: 'Uppercase letters: significant at 95%',
  lowerLevel: 'Lowercase letters at 90% too',
  compareLabel: 'Compare each column with',
  compareGroup: 'the others in its banner group',
  compareRest: 'the rest of the sample (Total minus the column)',
  correctionLabel: 'Correction for multiple comparisons',
  correctionNone: 'none',
  correctionBonferroni: 'Bonferroni',
  correctionBh: 'Benjamini–Hochberg (false discovery rate)',
  netsLabel: 'Top-2 and bottom-2 box nets on every ordered scale',
  // Building.
  build: 'Build tab book',
  rebuild: 'Build again',
  cancel: 'Cancel',
  progressLabel: 'Tables built',
  building: (k: number, n: number) => `Building table ${k} of ${n}…`,
  preparing: 'Preparing the banner…',
  built: (n: number) => `Built ${n} table${n === 1 ? '' : 's'}.`,
  cancelled: 'Cancelled: nothing was built.',
  stale: 'The settings changed since this tab book was built: build it again to see them.',
  // The document.
  contents: 'Contents',
  tableCaption: (n: number) => `Table ${n}`,
  bannerLine: (groups: readonly string[]) =>
    `Banner: Total${groups.map((g) => `; ${isolate(g)}`).join('')}`,
  questionColumn: 'Answer',
  lettersRowLabel: 'Column letters',
  untested:
    'Nothing was tested: the banner has only Total. Add banner questions to compare columns.',
  chartToggle: 'Chart',
  chartHeading: (n: number) => `Chart of table ${n}`,
  bannerWord: 'banner',
  smallBase: 'Fewer than 30 respondents: read with care',
  print: 'Print',
  // Export.
  exportHeading: 'Export',
  exportLayout: 'Workbook layout',
  layoutSheets: 'One sheet per table (with a contents sheet)',
  layoutOneSheet: 'All tables on one sheet',
  exportXlsx: 'Export .xlsx',
  fileWord: 'tab book',
  exporting: 'Writing the workbook…',
  exported: (name: string) => `Saved ${isolate(name)}.`,
  exportFailed: (why: string) => `The workbook could not be written (${why}).`,
  // Errors.
  rowsDropped: (ids: readonly string[]) =>
    `This link names row questions this survey does not have (${list(ids, 10)}); the tab book leaves them out.`,
  bannerLinkBroken: (why: string) =>
    `The banner in this link could not be read (${why}); the banner saved with the survey is shown instead.`,
} as const;
