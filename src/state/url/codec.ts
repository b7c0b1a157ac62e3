// Reading and writing a view as a URL hash ("#v=1&page=…"), built from the
// table of link keys (./keys.ts).
import * as z from 'zod/mini';
import { linkMessages as M } from '../../core/messages';
import { URL_KEYS, type Attachment, type Linked } from './keys';
import { DEFAULT_CROSSTAB, HOME, PAGES, type Page, type ViewState } from './view';

const VIEW_VERSION = 1;

const NO_ATTACHMENT: Attachment = {
  data: null,
  fingerprint: null,
  fileName: null,
  definition: null,
};

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
