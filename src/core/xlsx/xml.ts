// A small streaming XML scanner for workbook parts: enough XML for what Excel,
// LibreOffice and the usual libraries write, and strict where a damaged or
// hostile part would otherwise be misread.
// - Text arrives in pieces (as it is inflated); a tag or a text cut at the end
//   of a piece waits for the next one. What is left waiting is bounded, so a
//   part without a "<" for a gigabyte is refused, not buffered.
// - Elements are checked to close in order (a cut or bit-flipped part fails
//   here, naming the part and the row), and nesting depth is bounded.
// - Only the five predefined entities and character references are known; a
//   DOCTYPE (the only way to declare others, and the door to "billion laughs")
//   is refused outright.
// - Element names are compared without their namespace prefix (<x:row> is a
//   row), so strict OOXML and SDK-written files read like Excel's own.
// - Text is decoded only where the handler wants it (inside <v> and <t>).
import { xlsxMessages as M } from '../messages';

export interface XmlHandler {
  /** True while the text between tags is wanted; other text is skipped without decoding. */
  wantText: boolean;
  /** Set to stop reading: the scanner returns at once and reads nothing more. */
  halted: boolean;
  /** An element opens; `tag` is everything between "<" and ">" (or "/>"), for attr(). */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** Longest tag or piece of text, read or kept waiting for its end (Excel's cell limit is 32,767 characters). */
const MAX_PENDING = 8 * 1024 * 1024;
const MAX_DEPTH = 256;

export class XmlScanner {
  private buf = '';
  private pos = 0;
  private readonly stack: string[] = [];

  constructor(
    private readonly h: XmlHandler,
    /** Makes the exception for a malformed part: says which part, and where in it. */
    private readonly malformed: (why: string) => Error,
  ) {}

  push(chunk: string): void {
    const s = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    const h = this.h;
    let i = 0;
    while (!h.halted) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text runs on into the next piece: keep it only if it is wanted.
        if (!h.wantText) i = s.length;
        break;
      }
      if (lt > i && h.wantText) {
        if (lt - i > MAX_PENDING) throw this.malformed(M.tooLong(MAX_PENDING));
        h.text(decodeText(s.slice(i, lt), this.malformed));
      }
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) {
        i = lt;
        break;
      }
      if (next === 0x2f /* / */) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) {
          i = lt;
          break;
        }
        this.closeTag(s.slice(lt + 2, gt).trim());
        i = gt + 1;
        continue;
      }
      if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
        const end = this.special(s, lt);
        if (end < 0) {
          i = lt;
          break;
        }
        i = end;
        continue;
      }
      const gt = tagEnd(s, lt + 1, this.malformed);
      if (gt < 0) {
        i = lt;
        break;
      }
      if (gt - lt > MAX_PENDING) throw this.malformed(M.tooLong(MAX_PENDING));
      const selfClosing = s.charCodeAt(gt - 1) === 0x2f;
      const tag = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const qname = nameOf(tag);
      if (qname === '') throw this.malformed(M.unclosedTag);
      if (!selfClosing) {
        if (this.stack.length >= MAX_DEPTH) throw this.malformed(M.tooDeep);
        this.stack.push(qname);
      }
      h.open(localName(qname), tag, selfClosing);
      if (selfClosing) h.close(localName(qname));
      i = gt + 1;
    }
    this.buf = s;
    this.pos = i;
    if (s.length - i > MAX_PENDING) throw this.malformed(M.tooLong(MAX_PENDING));
  }

  /** The part is over: every element must have closed. */
  end(): void {
    if (this.h.halted) return;
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) throw this.malformed(M.endsInside(open));
    if (this.buf.slice(this.pos).trim() !== '') throw this.malformed(M.unclosedTag);
  }

  private closeTag(qname: string): void {
    const open = this.stack.pop();
    if (open === undefined) throw this.malformed(M.strayClose(qname));
    if (open !== qname) throw this.malformed(M.mismatchedTag(open, qname));
    this.h.close(localName(qname));
  }

  /** <?…?>, <!--…-->, <![CDATA[…]]>; a DOCTYPE is refused. Returns where it ends, or -1 (wait). */
  private special(s: string, lt: number): number {
    if (s.startsWith('<?', lt)) {
      const end = s.indexOf('?>', lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      if (this.h.wantText) this.h.text(normalizeNewlines(s.slice(lt + 9, end)));
      return end + 3;
    }
    if (s.length - lt < 9) return -1;
    throw this.malformed(M.doctype);
  }
}

/** The ">" that ends a tag, skipping quoted attribute values; -1 when the tag goes on in the next piece. */
function tagEnd(s: string, from: number, malformed: (why: string) => Error): number {
  let quote = 0;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e /* > */) return j;
    else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3c /* < */) throw malformed(M.unclosedTag);
  }
  return -1;
}

function nameOf(tag: string): string {
  let end = 0;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) break;
    end++;
  }
  return tag.slice(0, end);
}

const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

const ATTRIBUTE = /[\s]([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NEEDS_DECODING = /[&\t\n\r]/;

/**
 * Every attribute of a tag, by qualified name (r:id keeps its prefix), values
 * decoded. One pass per tag: a cell's r, s and t come out of one scan.
 */
export function attributes(
  tag: string,
  malformed: (why: string) => Error,
  visit: (name: string, value: string) => void,
): void {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) {
    const raw = m[2] ?? m[3] ?? '';
    visit(m[1]!, NEEDS_DECODING.test(raw) ? decodeAttribute(raw, malformed) : raw);
  }
}

/** One attribute by its exact (qualified) name, or null. */
export function attr(tag: string, name: string, malformed: (why: string) => Error): string | null {
  let found: string | null = null;
  attributes(tag, malformed, (n, v) => {
    if (found === null && n === name) found = v;
  });
  return found;
}

/** An attribute by its local name whatever its prefix (r:id, x:id…), ignoring unprefixed ones. */
export function prefixedAttr(
  tag: string,
  local: string,
  malformed: (why: string) => Error,
): string | null {
  let found: string | null = null;
  attributes(tag, malformed, (n, v) => {
    if (found === null && n.endsWith(`:${local}`)) found = v;
  });
  return found;
}

/** XML's end-of-line handling: "\r\n" and a lone "\r" are "\n" (a real CR is written &#13; or _x000D_). */
function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}

function decodeText(raw: string, malformed: (why: string) => Error): string {
  const s = normalizeNewlines(raw);
  return s.includes('&') ? decodeEntities(s, malformed) : s;
}

/** Attribute values also turn tabs and line breaks into spaces (XML's normalization). */
function decodeAttribute(raw: string, malformed: (why: string) => Error): string {
  const s = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.includes('&') ? decodeEntities(s, malformed) : s;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string, malformed: (why: string) => Error): string {
  let out = '';
  let from = 0;
  for (let amp = s.indexOf('&'); amp >= 0; amp = s.indexOf('&', from)) {
    const semi = s.indexOf(';', amp + 1);
    const body = semi < 0 || semi - amp > 12 ? null : s.slice(amp + 1, semi);
    const ch = body === null ? null : entity(body);
    if (ch === null) throw malformed(M.badEntity(s.slice(amp, Math.min(s.length, amp + 12))));
    out += s.slice(from, amp) + ch;
    from = (semi as number) + 1;
  }
  return out + s.slice(from);
}

function entity(body: string): string | null {
  const named = NAMED[body];
  if (named !== undefined) return named;
  const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
  if (m === null) return null;
  const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return String.fromCodePoint(cp);
}
