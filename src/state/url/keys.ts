// Which state goes into a link, and how: one table of data (URL_KEYS). The zod
// schema, decoding and encoding (./codec.ts) are all built from it, and the
// README's table is checked against it (tests/state/url/keys.test.ts). The hash
// is never sent to a server, so data carried in a link stays on the two machines.
import * as z from 'zod/mini';
import {
  COUNTS_LINK_MAX,
  DEFAULT_TABS,
  type Page,
  type PercentMode,
  type SortOrder,
  type TabBookView,
  type ViewState,
} from './view';
import {
  base64url,
  crosstabNetsOf,
  crosstabNetsText,
  crosstabNetText,
  filterText,
  flag,
  id,
  netsOf,
  netsText,
  netText,
  ref,
  splitFirst,
  surveyId,
} from './values';

/** What the link carries besides the view: the uploaded survey it shows, or how to recognise its file. */
export interface Attachment {
  /** The survey itself, compressed (see state/url/payload.ts). */
  data: string | null;
  /** SHA-256 of the uploaded file the view was made from. */
  fingerprint: string | null;
  fileName: string | null;
  /** The uploaded file's survey definition, compressed: the recipient reads the file with it. */
  definition: string | null;
}

/** A view and what its link carries, as decoding builds them and encoding reads them. */
export interface Linked {
  state: ViewState;
  attachment: Attachment;
}

/** One parameter of a link: its name, where it lives, how it is checked, read and written, and why. */
interface UrlKey {
  key: string;
  /** Where the value lives: a path in the view state, or "attachment.…" for what the link carries. */
  path: string;
  /** Written only on these pages (crosstab settings belong to the crosstab page). */
  pages?: readonly Page[];
  /** A parameter given once per value (nets, filters, compared questions). */
  repeated?: boolean;
  /** The most values a repeated parameter takes (default 20). */
  max?: number;
  schema: z.ZodMiniType<string>;
  /** Why it is in the link (the README's table says the same). */
  why: string;
  read(into: Linked, value: string, values: readonly string[]): void;
  /** The value(s) to write; null or [] leaves the parameter out (its default). */
  write(from: Linked): string | readonly string[] | null;
}

const crosstabOnly: readonly Page[] = ['crosstab'];
const questionOnly: readonly Page[] = ['question'];
const x = (l: Linked) => l.state.crosstab;
const tabsOnly: readonly Page[] = ['tabs'];
/** The tab book's settings, made when a link first sets one. */
const tb = (l: Linked): TabBookView => (l.state.tabs ??= { ...DEFAULT_TABS, rows: [] });
const tbRead = (l: Linked): TabBookView => l.state.tabs ?? DEFAULT_TABS;

/**
 * Every parameter a link holds, in the order links are written. Adding a key
 * is adding a row here (and its row in the README, which a test compares).
 */
export const URL_KEYS: readonly UrlKey[] = [
  {
    key: 's',
    path: 'survey',
    schema: surveyId,
    why: 'survey id (bundled file name, or upload id)',
    read: (l, v) => void (l.state.survey = v),
    write: (l) => l.state.survey,
  },
  {
    key: 'q',
    path: 'question',
    schema: id,
    why: 'question id',
    read: (l, v) => void (l.state.question = v),
    write: (l) => l.state.question,
  },
  {
    key: 'sort',
    path: 'sort',
    schema: z.enum(['source', 'value']),
    why: 'bars and table order: as published or by value',
    read: (l, v) => void (l.state.sort = v as SortOrder),
    write: (l) => (l.state.sort === 'source' ? null : l.state.sort),
  },
  {
    key: 'net',
    path: 'nets',
    repeated: true,
    schema: netText,
    why: 'nets made on a question: option indexes (into the options of all its segments) joined by "."',
    read: (l, _v, all) => void (l.state.nets = netsOf(all)),
    write: (l) => netsText(l.state.nets),
  },
  {
    key: 'cmp',
    path: 'compare',
    repeated: true,
    schema: ref,
    why: 'questions compared with this one, "survey:question"',
    read: (l, _v, all) => void (l.state.compare = [...all]),
    write: (l) => l.state.compare,
  },
  {
    key: 'base',
    path: 'marginBase',
    pages: questionOnly,
    schema: z
      .string()
      .check(
        z.regex(/^(?:[1-9]\d{0,6}|10000000)$/, 'a base is a whole number from 1 to 10,000,000'),
      ),
    why: 'the base typed for margins of error on a question page (whole respondents, 1–10,000,000; absent: the stated or smallest consistent base)',
    read: (l, v) => void (l.state.marginBase = Number(v)),
    write: (l) => (l.state.marginBase === undefined ? null : String(l.state.marginBase)),
  },
  {
    key: 'deff',
    path: 'deff',
    pages: questionOnly,
    schema: z
      .string()
      .check(
        z.regex(/^[1-9]\d{0,2}(?:\.\d{1,3})?$/, 'a design effect is a number from 1 to 999.999'),
      ),
    why: 'the design effect for those margins (1–999.999; absent: 1)',
    read: (l, v) => void (l.state.deff = Number(v)),
    write: (l) => (l.state.deff === undefined || l.state.deff === 1 ? null : String(l.state.deff)),
  },
  {
    key: 'r',
    path: 'crosstab.rows',
    pages: crosstabOnly,
    schema: id,
    why: 'crosstab rows (a question id)',
    read: (l, v) => void (x(l).rows = v),
    write: (l) => x(l).rows,
  },
  {
    key: 'c',
    path: 'crosstab.cols',
    pages: crosstabOnly,
    schema: id,
    why: 'crosstab columns (a question id; absent: Total only)',
    read: (l, v) => void (x(l).cols = v),
    write: (l) => x(l).cols,
  },
  {
    key: 'w',
    path: 'crosstab.weight',
    pages: crosstabOnly,
    schema: id,
    why: 'weight column id; "-" = unweighted; absent = the survey\'s own weight',
    read: (l, v) => void (x(l).weight = v === '-' ? null : v),
    write: (l) => (x(l).weight === undefined ? null : (x(l).weight ?? '-')),
  },
  {
    key: 'f',
    path: 'crosstab.filters',
    pages: crosstabOnly,
    repeated: true,
    schema: filterText,
    why: 'filters, "optionIndexes:questionId", e.g. "0.1:use3"',
    read: (l, _v, all) =>
      void (x(l).filters = all.map((f) => {
        const [options, question] = splitFirst(f, ':');
        return { question, options: options.split('.').map(Number) };
      })),
    write: (l) => x(l).filters.map((f) => `${f.options.join('.')}:${f.question}`),
  },
  {
    key: 'pct',
    path: 'crosstab.percent',
    pages: crosstabOnly,
    schema: z.enum(['col', 'row', 'total', 'cases', 'resp', 'responses']),
    why: 'percent shown: col, row, total, cases, resp, responses',
    read: (l, v) => void (x(l).percent = v as PercentMode),
    write: (l) => (x(l).percent === 'col' ? null : x(l).percent),
  },
  {
    key: 'cnt',
    path: 'crosstab.counts',
    pages: crosstabOnly,
    schema: flag,
    why: 'show counts ("1")',
    read: (l, v) => void (x(l).counts = v === '1'),
    write: (l) => (x(l).counts ? '1' : null),
  },
  {
    key: 't',
    path: 'crosstab.tests',
    pages: crosstabOnly,
    schema: flag,
    why: 'significance tests ("0" = off)',
    read: (l, v) => void (x(l).tests = v !== '0'),
    write: (l) => (x(l).tests ? null : '0'),
  },
  {
    key: 'xs',
    path: 'crosstab.sort',
    pages: crosstabOnly,
    schema: z.string().check(z.regex(/^\d{1,4}[ad]$/)),
    why: 'crosstab row sort: column index and "a"/"d", e.g. "2d"',
    read: (l, v) => void (x(l).sort = { col: Number(v.slice(0, -1)), desc: v.endsWith('d') }),
    write: (l) => {
      const sort = x(l).sort;
      return sort === null ? null : `${sort.col}${sort.desc ? 'd' : 'a'}`;
    },
  },
  {
    key: 'rn',
    path: 'crosstab.rowNets',
    pages: crosstabOnly,
    repeated: true,
    schema: crosstabNetText,
    why: 'nets on the crosstab\'s rows (option indexes joined by "."; a trailing "a": chose all of them, e.g. "0.1.2a")',
    read: (l, _v, all) => void (x(l).rowNets = crosstabNetsOf(all)),
    write: (l) => crosstabNetsText(x(l).rowNets),
  },
  {
    key: 'cn',
    path: 'crosstab.colNets',
    pages: crosstabOnly,
    repeated: true,
    schema: crosstabNetText,
    why: 'nets on the crosstab\'s columns (option indexes joined by "."; a trailing "a": chose all of them)',
    read: (l, _v, all) => void (x(l).colNets = crosstabNetsOf(all)),
    write: (l) => crosstabNetsText(x(l).colNets),
  },
  {
    key: 'tr',
    path: 'tabs.rows',
    pages: tabsOnly,
    repeated: true,
    max: 2000,
    schema: id,
    why: 'tab book rows (question ids, in order; absent: every question)',
    read: (l, _v, all) => void (tb(l).rows = [...all]),
    write: (l) => tbRead(l).rows,
  },
  {
    key: 'tl',
    path: 'tabs.lower',
    pages: tabsOnly,
    schema: flag,
    why: 'tab book: lowercase letters at 90% too ("1")',
    read: (l, v) => void (tb(l).lower = v === '1'),
    write: (l) => (tbRead(l).lower ? '1' : null),
  },
  {
    key: 'tc',
    path: 'tabs.compare',
    pages: tabsOnly,
    schema: z.enum(['group', 'rest']),
    why: 'tab book: compare each column with its banner group (absent) or the rest of the sample ("rest")',
    read: (l, v) => void (tb(l).compare = v as TabBookView['compare']),
    write: (l) => (tbRead(l).compare === 'group' ? null : tbRead(l).compare),
  },
  {
    key: 'tx',
    path: 'tabs.correction',
    pages: tabsOnly,
    schema: z.enum(['none', 'bonferroni', 'bh']),
    why: 'tab book: correction for multiple comparisons, bonferroni or bh (absent: none)',
    read: (l, v) => void (tb(l).correction = v as TabBookView['correction']),
    write: (l) => (tbRead(l).correction === 'none' ? null : tbRead(l).correction),
  },
  {
    key: 'tn',
    path: 'tabs.nets',
    pages: tabsOnly,
    schema: flag,
    why: 'tab book: top-2 and bottom-2 box nets on every ordered scale ("1")',
    read: (l, v) => void (tb(l).nets = v === '1'),
    write: (l) => (tbRead(l).nets ? '1' : null),
  },
  {
    key: 'tb',
    path: 'tabs.banner',
    pages: tabsOnly,
    schema: z.string().check(z.minLength(2), z.maxLength(20000)),
    why: "tab book: a banner other than the survey's saved one, as its definition writes a banner (JSON); absent: the saved banner",
    read: (l, v) => void (tb(l).banner = v),
    write: (l) => tbRead(l).banner,
  },
  {
    key: 'ct',
    path: 'counts',
    pages: ['counts'],
    schema: z.string().check(z.maxLength(COUNTS_LINK_MAX)),
    why: 'the table of counts on the counts page, as typed (up to 4,000 characters; a longer one stays out of the link)',
    read: (l, v) => void (l.state.counts = v),
    write: (l) =>
      l.state.counts === undefined || l.state.counts.length > COUNTS_LINK_MAX
        ? null
        : l.state.counts,
  },
  {
    key: 'd',
    path: 'attachment.data',
    schema: base64url(24000, 'survey data'),
    why: 'an uploaded published survey itself, compressed (small uploads only)',
    read: (l, v) => void (l.attachment.data = v),
    write: (l) => l.attachment.data,
  },
  {
    key: 'fp',
    path: 'attachment.fingerprint',
    schema: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a file fingerprint is 64 hex digits')),
    why: 'SHA-256 fingerprint of the uploaded file a view was made from',
    read: (l, v) => void (l.attachment.fingerprint = v),
    write: (l) => l.attachment.fingerprint,
  },
  {
    key: 'fn',
    path: 'attachment.fileName',
    schema: z.string().check(z.maxLength(255)),
    why: "that file's name, to ask the recipient for it",
    read: (l, v) => void (l.attachment.fileName = v),
    write: (l) => l.attachment.fileName,
  },
  {
    key: 'def',
    path: 'attachment.definition',
    schema: base64url(32000, 'a survey definition'),
    why: "that file's survey definition, compressed: the recipient reads the file with the sender's decisions",
    read: (l, v) => void (l.attachment.definition = v),
    write: (l) => l.attachment.definition,
  },
];

/** The two keys every link has, before those of URL_KEYS. */
export const FIXED_KEYS: readonly { key: string; why: string }[] = [
  { key: 'v', why: 'format version, so older links keep opening' },
  { key: 'page', why: 'library, survey, question, flags, crosstab, tabs or counts' },
];

/** State deliberately kept out of links, with why (the README lists these too). */
export const NOT_IN_LINKS: readonly { what: string; why: string }[] = [
  { what: 'import preview, upload progress', why: 'transient work, not a view' },
  { what: 'selection ticks, hover, open menus', why: 'transient, not part of a view' },
];
