// The app's pages (src/state/models, src/ui): the library, the menu, the
// flags page, and dates as the library lists them (src/core/format).

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
} as const;

export const flagsPageMessages = {
  /** Several segments of one question share a flag: one row names them all. */
  segments: (segments: string[]) =>
    segments.length <= 3
      ? segments.join(', ')
      : `${segments.length} segments: ${segments.slice(0, 3).join(', ')} and ${segments.length - 3} more`,
} as const;
