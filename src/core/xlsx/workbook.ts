// The workbook's index: which parts hold its sheets, shared strings and
// styles, and whether its dates count from 1904. Found the way Excel finds
// them: the package's relationships (_rels/.rels) name the workbook part; the
// workbook lists its sheets in tab order, each by a relationship id that the
// workbook's own relationships resolve to a part. No part name is guessed,
// except xl/workbook.xml for packages without _rels/.rels.
import { XlsxError } from './errors';
import { problem } from '../messages';
import { hasPart, malformedIn, scanPart } from './parts';
import { attr, attributes, prefixedAttr, type XmlHandler } from './xml';
import type { Budget, Zip } from './zip';

export interface SheetInfo {
  name: string;
  /** Hidden or "very hidden" in Excel: listed, but never read unless chosen. */
  hidden: boolean;
  /** The worksheet's part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface WorkbookInfo {
  /** Worksheets in tab order (chart sheets and dialog sheets hold no cells and are left out). */
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings: string | null;
  styles: string | null;
}

interface Relationship {
  type: string;
  target: string;
}

class RelationshipsReader implements XmlHandler {
  wantText = false;
  halted = false;
  readonly byId = new Map<string, Relationship>();

  constructor(
    private readonly base: string,
    private readonly malformed: (why: string) => Error,
  ) {}

  open(name: string, tag: string): void {
    if (name !== 'Relationship') return;
    let id = '';
    let type = '';
    let target = '';
    let external = false;
    attributes(tag, this.malformed, (n, v) => {
      if (n === 'Id') id = v;
      else if (n === 'Type') type = v;
      else if (n === 'Target') target = v;
      else if (n === 'TargetMode') external = v === 'External';
    });
    if (!external && id !== '' && !this.byId.has(id))
      this.byId.set(id, { type, target: resolve(this.base, target) });
  }

  close(): void {}
  text(): void {}

  /** The first relationship whose type ends with "/<kind>" (transitional and strict URIs alike). */
  ofType(kind: string): Relationship | undefined {
    for (const r of this.byId.values()) if (r.type.endsWith(`/${kind}`)) return r;
    return undefined;
  }
}

class WorkbookReader implements XmlHandler {
  wantText = false;
  halted = false;
  date1904 = false;
  readonly sheets: { name: string; hidden: boolean; id: string }[] = [];

  constructor(private readonly malformed: (why: string) => Error) {}

  open(name: string, tag: string): void {
    if (name === 'workbookPr') {
      const v = attr(tag, 'date1904', this.malformed);
      this.date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const state = attr(tag, 'state', this.malformed);
      this.sheets.push({
        name: attr(tag, 'name', this.malformed) ?? '',
        hidden: state === 'hidden' || state === 'veryHidden',
        id: prefixedAttr(tag, 'id', this.malformed) ?? '',
      });
    }
  }

  close(): void {}
  text(): void {}
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute with "/". */
function resolve(base: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all: the name as written.
  }
  const parts = t.startsWith('/') ? [] : base.split('/').filter((p) => p !== '');
  for (const p of t.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);
const relsOf = (part: string): string =>
  `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

function relationships(zip: Zip, part: string, budget: Budget): RelationshipsReader | null {
  const rels = relsOf(part);
  if (!hasPart(zip, rels)) return null;
  const reader = new RelationshipsReader(folderOf(part), malformedIn(rels));
  scanPart(zip, rels, budget, reader, malformedIn(rels));
  return reader;
}

/** The workbook's sheets and parts; throws an XlsxError when the archive is not an .xlsx workbook. */
export function readWorkbook(zip: Zip, budget: Budget): WorkbookInfo {
  const root = relationships(zip, '', budget);
  const office = root?.ofType('officeDocument')?.target ?? 'xl/workbook.xml';
  if (!hasPart(zip, office)) throw notWorkbook(zip);
  const book = new WorkbookReader(malformedIn(office));
  scanPart(zip, office, budget, book, malformedIn(office));
  const rels = relationships(zip, office, budget);
  const sheets: SheetInfo[] = [];
  for (const s of book.sheets) {
    const r = rels?.byId.get(s.id);
    // Chart sheets, dialog sheets and macro sheets have no cells to read.
    if (r === undefined || !r.type.endsWith('/worksheet')) continue;
    sheets.push({ name: s.name, hidden: s.hidden, part: r.target });
  }
  if (sheets.length === 0) throw new XlsxError(problem('xlsx-no-sheet'));
  const shared = rels?.ofType('sharedStrings')?.target ?? null;
  const styles = rels?.ofType('styles')?.target ?? null;
  return {
    sheets,
    date1904: book.date1904,
    // A part the relationships name but the archive lacks is reported when it is read.
    sharedStrings: shared,
    styles,
  };
}

/** What the archive is when it is not a workbook: say so in words the user can act on. */
function notWorkbook(zip: Zip): XlsxError {
  if (hasPart(zip, 'xl/workbook.bin')) return new XlsxError(problem('xlsx-xlsb'));
  if (hasPart(zip, 'content.xml') && hasPart(zip, 'mimetype'))
    return new XlsxError(problem('xlsx-ods'));
  const names = [...zip.entries.values()].map((e) => e.name);
  return new XlsxError(problem('xlsx-not-workbook', names));
}
