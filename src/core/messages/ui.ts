// The app's pages (src/state/models, src/ui): the library, the menu, the
// flags page, and dates as the library lists them (src/core/format).
import { isolate } from '../format/bidi';

export const formatMessages = {
  dateNotGiven: 'Date not given',
} as const;

export const libraryMessages = {
  respondents: (n: string) => `${n} respondents`,
  /** The sidebar's group for respondent-level data, which has no publisher. */
  respondentGroup: 'Respondent data',
  unknownPublisher: 'Unknown publisher',
  none: '—',
  columnRespondents: 'Respondents',
  /** The accessible name holds the visible text ("Export CSV") first, then what it exports. */
  exportCsv: (title: string) => `Export CSV of ${title}`,
  heading: 'Library',
  /** The intro, around a link to the flags page. */
  introBefore:
    'Published survey figures as the research firms printed them, with every total explained. Pick a survey to see its questions, or open',
  introLink: 'Flags',
  introAfter: 'for the questions that need a careful reader.',
  loading: 'Loading the library…',
  /** Before the deleted survey's name, in quotes, and its Undo button. */
  deleted: 'Deleted',
  undo: 'Undo',
  tableLabel: 'Surveys in the library',
  caption: (count: number) => `${count} surveys`,
  columnSurvey: 'Survey',
  columnPublisher: 'Publisher',
  columnDate: 'Date',
  columnQuestions: 'Questions',
  columnFlags: 'Flags',
  columnActions: 'Actions',
  exportCsvButton: 'Export CSV',
  downloadDefinition: 'Download definition',
  downloadDefinitionOf: (title: string) => `Download definition of ${isolate(title)}`,
  exportParquet: 'Export Parquet',
  exportParquetOf: (title: string) => `Export Parquet of ${isolate(title)}`,
  newName: (title: string) => `New name for ${isolate(title)}`,
  save: 'Save',
  rename: 'Rename',
  renameLabel: (title: string) => `Rename ${isolate(title)}`,
  delete: 'Delete',
  deleteLabel: (title: string) => `Delete ${isolate(title)}`,
} as const;

export const appMessages = {
  menu: 'Surveys',
  /** While a page's code loads (pages past the first load on demand). */
  loadingPage: 'Loading…',
  /** Appended to an import failure, unless the failure already says it. */
  withNothingImported: (message: string) =>
    /nothing was imported/i.test(message)
      ? message
      : `${message} Nothing was imported; your library is unchanged.`,
  skipLink: 'Skip to content',
  appName: 'Survey Workbench',
  viewsNav: 'Views',
  libraryLink: 'Library',
  flagsLink: (count: number) => `Flags (${count})`,
  importFile: 'Import a file…',
  openingFromLink: 'Opening the survey carried in this link…',
  /** A view that threw while drawing (src/ui/ErrorBoundary.tsx). */
  viewFailed: (why: string) =>
    `This view failed to draw (${why}). Your library is intact: pick another survey or question on the left.`,
  // The share bar under a view.
  copyLink: 'Copy link to this view',
  linkField: 'Link to this view',
  linkCopied: 'Link copied.',
  clipboardBlocked: 'The browser blocked the clipboard: copy the link from the field.',
} as const;

export const flagsPageMessages = {
  /** Several segments of one question share a flag: one row names them all. */
  segments: (segments: string[]) =>
    segments.length <= 3
      ? segments.join(', ')
      : `${segments.length} segments: ${segments.slice(0, 3).join(', ')} and ${segments.length - 3} more`,
  heading: 'Flags across the library',
  intro:
    'Notes on totals and lists that a careful reader should know: multi-answer totals (expected), totals off 100%, partial lists, lower bounds and subgroup bases.',
  show: 'Show',
  severityAll: 'all flags',
  severityError: 'errors',
  severityWarning: 'warnings',
  severityInfo: 'notes',
  showMulti: 'Show multi-answer totals over 100% (expected, not problems)',
  tableLabel: 'Flags',
  caption: (count: number) => `${count} flags`,
  columnSeverity: 'Severity',
  columnSurvey: 'Survey',
  columnQuestion: 'Question',
  columnMeaning: 'What it means',
} as const;
