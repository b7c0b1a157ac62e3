// The view state and its URL codec. The whole view lives in the URL hash, so a
// link reopens the same view and Back/Forward move between views. The hash is
// never sent to a server, so data carried in a link stays on the two machines.
//
// Which state goes into the link (keep this table in step with the README):
// | key     | in link | why                                                      |
// |---------|---------|----------------------------------------------------------|
// | v       | yes     | format version, so older links keep opening              |
// | page    | yes     | library, survey, question, flags, crosstab               |
// | s       | yes     | survey id (bundled file name, or upload id)               |
// | q       | yes     | question id                                              |
// | sort    | yes     | bars and table order: as published or by value           |
// | net     | yes     | user-made nets, option indexes joined by "."             |
// | cmp     | yes     | questions compared with this one, "survey:question"      |
// | r, c    | yes     | crosstab rows and columns (question ids; no c = Total)   |
// | w       | yes     | weight column id; "-" = unweighted; absent = survey's    |
// | f       | yes     | filters, "optionIndexes:questionId", e.g. "0.1:use3"     |
// | pct     | yes     | percent shown: col, row, total, cases, resp, responses   |
// | cnt, t  | yes     | show counts; significance tests ("0" = off)              |
// | xs      | yes     | crosstab row sort: column index and "a"/"d", e.g. "2d"   |
// | rn, cn  | yes     | nets on the crosstab's rows / columns (option indexes)   |
// | d       | yes     | an uploaded published survey itself, compressed (small)  |
// | fp, fn  | yes     | fingerprint and name of a larger uploaded file           |
// | def     | yes     | that file's survey definition, compressed (decisions)    |
// | hover, focus, open menus, upload progress | no | transient UI, not a view   |
import * as z from 'zod/mini';

export const VIEW_VERSION = 1;

export type Page = 'library' | 'survey' | 'question' | 'flags' | 'crosstab';
export type PercentMode = 'col' | 'row' | 'total' | 'cases' | 'resp' | 'responses';

export interface CrosstabFilter {
  question: string;
  options: number[];
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
  rowNets: number[][];
  colNets: number[][];
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

export interface ViewState {
  page: Page;
  survey: string | null;
  question: string | null;
  sort: SortOrder;
  /** Nets the user made on the question: each is a list of option indexes. */
  nets: number[][];
  /** Other published questions shown as extra columns: "surveyId:questionId". */
  compare: string[];
  crosstab: CrosstabView;
}

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
const list = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.optional(z.array(item).check(z.maxLength(max)));
const netList = list(netText, 20);

const V1 = z.object({
  v: z.literal('1'),
  page: z.enum(['library', 'survey', 'question', 'flags', 'crosstab']),
  s: z.optional(surveyId),
  q: z.optional(id),
  sort: z.optional(z.enum(['source', 'value'])),
  net: list(netText, 20),
  cmp: list(ref, 10),
  r: z.optional(id),
  c: z.optional(id),
  w: z.optional(id),
  f: list(filterText, 20),
  pct: z.optional(z.enum(['col', 'row', 'total', 'cases', 'resp', 'responses'])),
  cnt: z.optional(z.enum(['0', '1'])),
  t: z.optional(z.enum(['0', '1'])),
  xs: z.optional(z.string().check(z.regex(/^\d{1,4}[ad]$/))),
  rn: netList,
  cn: netList,
  d: z.optional(
    z
      .string()
      .check(z.maxLength(24000), z.regex(/^[A-Za-z0-9_-]+$/, 'survey data in a link is base64url')),
  ),
  fp: z.optional(
    z.string().check(z.regex(/^[0-9a-f]{64}$/, 'a file fingerprint is 64 hex digits')),
  ),
  fn: z.optional(z.string().check(z.maxLength(255))),
  def: z.optional(
    z
      .string()
      .check(
        z.maxLength(32000),
        z.regex(/^[A-Za-z0-9_-]+$/, 'a survey definition in a link is base64url'),
      ),
  ),
});

const REPEATED = new Set(['net', 'cmp', 'f', 'rn', 'cn']);

const netsOf = (list: string[] | undefined) => (list ?? []).map((n) => n.split('.').map(Number));

function splitFirst(text: string, sep: string): [string, string] {
  const i = text.indexOf(sep);
  return [text.slice(0, i), text.slice(i + 1)];
}

/** What a link carries besides the view: the uploaded survey it shows, or how to recognise its file. */
export interface Attachment {
  /** The survey itself, compressed (see state/share/payload.ts). */
  data: string | null;
  /** SHA-256 of the uploaded file the view was made from. */
  fingerprint: string | null;
  fileName: string | null;
  /** The uploaded file's survey definition, compressed: the recipient reads the file with it. */
  definition: string | null;
}

export interface DecodeResult {
  state: ViewState;
  attachment: Attachment | null;
  /** Set when the link could not be used as it is: what was wrong, in words. */
  problem: string | null;
}

/** Read a hash ("#v=1&page=…") into a view state. Never throws. */
export function decodeView(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { state: HOME, attachment: null, problem: null };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return {
      state: HOME,
      attachment: null,
      problem: 'This link could not be read. Showing the library instead.',
    };
  }
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (REPEATED.has(key)) ((raw[key] as string[] | undefined) ?? (raw[key] = [])).push(value);
    else if (Object.prototype.hasOwnProperty.call(raw, key)) {
      return {
        state: HOME,
        attachment: null,
        problem: `This link repeats "${key}". Showing the library instead.`,
      };
    } else raw[key] = value;
  }
  const version = Number(raw.v);
  if (Number.isFinite(version) && version > VIEW_VERSION) {
    return {
      state: HOME,
      attachment: null,
      problem: `This link was made by a newer version of Survey Workbench (format ${version}). Showing the library instead.`,
    };
  }
  const parsed = V1.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      state: HOME,
      attachment: null,
      problem: `This link is malformed${where ? ` (at "${where}")` : ''}. Showing the library instead.`,
    };
  }
  const p = parsed.data;
  const state: ViewState = {
    page: p.page,
    survey: p.s ?? null,
    question: p.q ?? null,
    sort: p.sort ?? 'source',
    nets: netsOf(p.net),
    compare: p.cmp ?? [],
    crosstab: {
      rows: p.r ?? null,
      cols: p.c ?? null,
      weight: p.w === undefined ? undefined : p.w === '-' ? null : p.w,
      filters: (p.f ?? []).map((f) => {
        const [options, question] = splitFirst(f, ':');
        return { question, options: options.split('.').map(Number) };
      }),
      percent: p.pct ?? 'col',
      counts: p.cnt === '1',
      tests: p.t !== '0',
      sort: p.xs ? { col: Number(p.xs.slice(0, -1)), desc: p.xs.endsWith('d') } : null,
      rowNets: netsOf(p.rn),
      colNets: netsOf(p.cn),
    },
  };
  const attachment =
    p.d !== undefined || p.fp !== undefined
      ? {
          data: p.d ?? null,
          fingerprint: p.fp ?? null,
          fileName: p.fn ?? null,
          definition: p.def ?? null,
        }
      : null;
  return { state, attachment, problem: null };
}

/** Write a view state as a hash. Only the keys marked "in link" above. */
export function encodeView(state: ViewState, attachment: Attachment | null = null): string {
  const params = new URLSearchParams();
  params.set('v', String(VIEW_VERSION));
  params.set('page', state.page);
  if (state.survey !== null) params.set('s', state.survey);
  if (state.question !== null) params.set('q', state.question);
  if (state.sort !== 'source') params.set('sort', state.sort);
  for (const net of state.nets) params.append('net', net.join('.'));
  for (const c of state.compare) params.append('cmp', c);
  if (state.page === 'crosstab') {
    const x = state.crosstab;
    if (x.rows !== null) params.set('r', x.rows);
    if (x.cols !== null) params.set('c', x.cols);
    if (x.weight !== undefined) params.set('w', x.weight ?? '-');
    for (const f of x.filters) params.append('f', `${f.options.join('.')}:${f.question}`);
    if (x.percent !== 'col') params.set('pct', x.percent);
    if (x.counts) params.set('cnt', '1');
    if (!x.tests) params.set('t', '0');
    if (x.sort) params.set('xs', `${x.sort.col}${x.sort.desc ? 'd' : 'a'}`);
    for (const n of x.rowNets) params.append('rn', n.join('.'));
    for (const n of x.colNets) params.append('cn', n.join('.'));
  }
  if (attachment?.data) params.set('d', attachment.data);
  if (attachment?.fingerprint) params.set('fp', attachment.fingerprint);
  if (attachment?.fileName) params.set('fn', attachment.fileName);
  if (attachment?.definition) params.set('def', attachment.definition);
  return `#${params.toString()}`;
}
