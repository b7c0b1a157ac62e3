// The view state and its URL codec. The whole view lives in the URL hash, so a
// link reopens the same view and Back/Forward move between views. The hash is
// never sent to a server, so data carried in a link stays on the two machines.
// Which state goes into a link, and how, is one table of data (URL_KEYS): the
// zod schema, decoding and encoding are all built from it, and the README's
// table is checked against it (tests/state/url/keys.test.ts).
import * as z from 'zod/mini';
import { linkMessages as M } from '../../core/messages';

const VIEW_VERSION = 1;

export type Page = 'library' | 'survey' | 'question' | 'flags' | 'crosstab' | 'tabs' | 'counts';
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

// Ids are column names from users' files: any text, kept as data (never markup).
// zod/mini: the tree-shakable API (checks are functions), far smaller in the bundle.
const id = z.string().check(z.minLength(1), z.maxLength(2000));
const surveyId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(200),
    z.regex(/^[\p{L}\p{N}_.-]+$/u, 'survey ids hold letters, digits, _ . -'),
  );
const netText = z
  .string()
  .check(
    z.maxLength(400),
    z.regex(/^\d{1,3}(\.\d{1,3})+$/, 'a net is two or more option indexes joined by "."'),
  );
// A crosstab net may end in "a": respondents who chose all of its options (older links never do).
const crosstabNetText = z
  .string()
  .check(
    z.maxLength(400),
    z.regex(
      /^\d{1,3}(\.\d{1,3})+a?$/,
      'a net is two or more option indexes joined by "." (ending in "a" for "chose all of")',
    ),
  );
const ref = z
  .string()
  .check(
    z.maxLength(2201),
    z.regex(/^[\p{L}\p{N}_.-]+:[\s\S]+$/u, 'a compared question is "survey:question"'),
  );
const filterText = z
  .string()
  .check(
    z.maxLength(2100),
    z.regex(/^\d{1,4}(\.\d{1,4})*:[\s\S]+$/, 'a filter is "optionIndexes:questionId"'),
  );
const base64url = (max: number, what: string) =>
  z.string().check(z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/, `${what} in a link is base64url`));
const flag = z.enum(['0', '1']);

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

const NO_ATTACHMENT: Attachment = {
  data: null,
  fingerprint: null,
  fileName: null,
  definition: null,
};

/** A view and what its link carries, as decoding builds them and encoding reads them. */
interface Linked {
  state: ViewState;
  attachment: Attachment;
}

const netsOf = (list: readonly string[]) => list.map((n) => n.split('.').map(Number));
const netsText = (nets: readonly number[][]) => nets.map((n) => n.join('.'));
const crosstabNetsOf = (list: readonly string[]): CrosstabNet[] =>
  list.map((n) => ({ options: n.replace(/a$/, '').split('.').map(Number), all: n.endsWith('a') }));
const crosstabNetsText = (nets: readonly CrosstabNet[]) =>
  nets.map((n) => `${n.options.join('.')}${n.all ? 'a' : ''}`);

function splitFirst(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return [text.slice(0, i), text.slice(i + 1)];
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

const PAGES = ['library', 'survey', 'question', 'flags', 'crosstab', 'tabs', 'counts'] as const;
const REPEATED = new Set(URL_KEYS.filter((k) => k.repeated).map((k) => k.key));

// The schema, built from the table: every key optional, repeated keys as bounded lists.
const V1 = z.object({
  v: z.literal('1'),
  page: z.enum(PAGES),
  ...Object.fromEntries(
    URL_KEYS.map((k) => [
      k.key,
      z.optional(
        k.repeated
          ? z.array(k.schema).check(z.maxLength(k.max ?? (k.key === 'cmp' ? 10 : 20)))
          : k.schema,
      ),
    ]),
  ),
});

export interface DecodeResult {
  state: ViewState;
  attachment: Attachment | null;
  /** Set when the link could not be used as it is: what was wrong, in words. */
  problem: string | null;
}

const refused = (problem: string): DecodeResult => ({ state: HOME, attachment: null, problem });

/** Read a hash ("#v=1&page=…") into a view state. Never throws. */
export function decodeView(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { state: HOME, attachment: null, problem: null };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return refused(M.unreadable);
  }
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (REPEATED.has(key)) ((raw[key] as string[] | undefined) ?? (raw[key] = [])).push(value);
    else if (Object.prototype.hasOwnProperty.call(raw, key)) return refused(M.repeated(key));
    else raw[key] = value;
  }
  const version = Number(raw.v);
  if (Number.isFinite(version) && version > VIEW_VERSION) return refused(M.newer(version));
  const parsed = V1.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refused(M.malformed(issue ? issue.path.join('.') : ''));
  }
  const p = parsed.data as Record<string, string | string[] | undefined> & { page: Page };
  const linked: Linked = {
    state: { ...HOME, page: p.page, crosstab: { ...DEFAULT_CROSSTAB } },
    attachment: { ...NO_ATTACHMENT },
  };
  for (const k of URL_KEYS) {
    const value = p[k.key];
    if (value === undefined) continue;
    const all = Array.isArray(value) ? value : [value];
    k.read(linked, all[0] ?? '', all);
  }
  const a = linked.attachment;
  const attachment = a.data !== null || a.fingerprint !== null ? a : null;
  return { state: linked.state, attachment, problem: null };
}

/** Write a view state as a hash: the keys of URL_KEYS, each where it applies and not at its default. */
export function encodeView(state: ViewState, attachment: Attachment | null = null): string {
  const params = new URLSearchParams();
  params.set('v', String(VIEW_VERSION));
  params.set('page', state.page);
  const linked: Linked = { state, attachment: attachment ?? NO_ATTACHMENT };
  for (const k of URL_KEYS) {
    if (k.pages !== undefined && !k.pages.includes(state.page)) continue;
    const value = k.write(linked);
    if (value === null || value === '') continue;
    if (typeof value === 'string') params.set(k.key, value);
    else for (const v of value) params.append(k.key, v);
  }
  return `#${params.toString()}`;
}
