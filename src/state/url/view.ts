// The view state: which page is open and everything on it that a link reopens.
// The whole view lives in the URL hash, so a link reopens the same view and
// Back/Forward move between views. Which state goes into a link, and how, is the
// table in ./keys.ts; ./codec.ts reads and writes hashes with it.

/** Every page a view can show (a link's `page`). */
export const PAGES = [
  'library',
  'survey',
  'question',
  'flags',
  'crosstab',
  'tabs',
  'counts',
] as const;
export type Page = (typeof PAGES)[number];
export type PercentMode = 'col' | 'row' | 'total' | 'cases' | 'resp' | 'responses';

export interface CrosstabFilter {
  question: string;
  options: number[];
}

/** A crosstab net: respondents who chose any of `options` or, with `all`, every one of them. */
export interface CrosstabNet {
  options: number[];
  all: boolean;
}

export interface CrosstabView {
  rows: string | null;
  cols: string | null;
  /** undefined: the survey's own weight; null: unweighted. */
  weight: string | null | undefined;
  filters: CrosstabFilter[];
  percent: PercentMode;
  counts: boolean;
  tests: boolean;
  sort: { col: number; desc: boolean } | null;
  rowNets: CrosstabNet[];
  colNets: CrosstabNet[];
}

export const DEFAULT_CROSSTAB: CrosstabView = {
  rows: null,
  cols: null,
  weight: undefined,
  filters: [],
  percent: 'col',
  counts: false,
  tests: true,
  sort: null,
  rowNets: [],
  colNets: [],
};
export type SortOrder = 'source' | 'value';

/** The tab book page: which rows, how letters are tested, nets, and a banner not (yet) saved. */
export interface TabBookView {
  /** Row question ids, in order; []: every question. */
  rows: string[];
  /** Lowercase letters at 90% beside the uppercase ones at 95%. */
  lower: boolean;
  compare: 'group' | 'rest';
  correction: 'none' | 'bonferroni' | 'bh';
  /** Top-2 and bottom-2 box nets on every ordered scale. */
  nets: boolean;
  /** A banner other than the one saved with the survey, as the definition writes one (JSON); null: the saved one. */
  banner: string | null;
}

export const DEFAULT_TABS: TabBookView = {
  rows: [],
  lower: false,
  compare: 'group',
  correction: 'none',
  nets: false,
  banner: null,
};

export interface ViewState {
  page: Page;
  survey: string | null;
  question: string | null;
  sort: SortOrder;
  /** Nets the user made on the question: each is a list of option indexes. */
  nets: number[][];
  /** Other published questions shown as extra columns: "surveyId:questionId". */
  compare: string[];
  /** Question page: a base the user typed for margins of error (absent: none). */
  marginBase?: number;
  /** Question page: the design effect for margins of error (absent: 1). */
  deff?: number;
  crosstab: CrosstabView;
  /** The tab book page (absent: its defaults, DEFAULT_TABS). */
  tabs?: TabBookView;
  /** The counts page: the table as typed or pasted (absent: none yet). */
  counts?: string;
}

/** The longest table of counts a link carries, in characters (a link stays well under browsers' limits). */
export const COUNTS_LINK_MAX = 4000;

export const HOME: ViewState = {
  page: 'library',
  survey: null,
  question: null,
  sort: 'source',
  nets: [],
  compare: [],
  crosstab: DEFAULT_CROSSTAB,
};
