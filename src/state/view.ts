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
// | hover, focus, open menus, upload progress | no | transient UI, not a view   |
import { z } from 'zod';

export const VIEW_VERSION = 1;

export type Page = 'library' | 'survey' | 'question' | 'flags';
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
}

export const HOME: ViewState = {
  page: 'library',
  survey: null,
  question: null,
  sort: 'source',
  nets: [],
  compare: [],
};

const id = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'ids hold letters, digits, _ . : -');
const netText = z
  .string()
  .max(400)
  .regex(/^\d{1,3}(\.\d{1,3})+$/, 'a net is two or more option indexes joined by "."');

const ref = z
  .string()
  .max(401)
  .regex(/^[\p{L}\p{N}_.-]+:[\p{L}\p{N}_.-]+$/u, 'a compared question is "survey:question"');

const V1 = z.object({
  v: z.literal('1'),
  page: z.enum(['library', 'survey', 'question', 'flags']),
  s: id.optional(),
  q: id.optional(),
  sort: z.enum(['source', 'value']).optional(),
  net: z.array(netText).max(20).optional(),
  cmp: z.array(ref).max(10).optional(),
});

export interface DecodeResult {
  state: ViewState;
  /** Set when the link could not be used as it is: what was wrong, in words. */
  problem: string | null;
}

/** Read a hash ("#v=1&page=…") into a view state. Never throws. */
export function decodeView(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return { state: HOME, problem: null };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { state: HOME, problem: 'This link could not be read. Showing the library instead.' };
  }
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    if (key === 'net' || key === 'cmp') ((raw[key] as string[] | undefined) ?? (raw[key] = [])).push(value);
    else if (Object.prototype.hasOwnProperty.call(raw, key)) {
      return { state: HOME, problem: `This link repeats "${key}". Showing the library instead.` };
    } else raw[key] = value;
  }
  const version = Number(raw.v);
  if (Number.isFinite(version) && version > VIEW_VERSION) {
    return {
      state: HOME,
      problem: `This link was made by a newer version of Survey Workbench (format ${version}). Showing the library instead.`,
    };
  }
  const parsed = V1.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return {
      state: HOME,
      problem: `This link is malformed${where ? ` (at "${where}")` : ''}. Showing the library instead.`,
    };
  }
  const p = parsed.data;
  const state: ViewState = {
    page: p.page,
    survey: p.s ?? null,
    question: p.q ?? null,
    sort: p.sort ?? 'source',
    nets: (p.net ?? []).map((n) => n.split('.').map(Number)),
    compare: p.cmp ?? [],
  };
  return { state, problem: null };
}

/** Write a view state as a hash. Only the keys marked "in link" above. */
export function encodeView(state: ViewState): string {
  const params = new URLSearchParams();
  params.set('v', String(VIEW_VERSION));
  params.set('page', state.page);
  if (state.survey !== null) params.set('s', state.survey);
  if (state.question !== null) params.set('q', state.question);
  if (state.sort !== 'source') params.set('sort', state.sort);
  for (const net of state.nets) params.append('net', net.join('.'));
  for (const c of state.compare) params.append('cmp', c);
  return `#${params.toString()}`;
}
