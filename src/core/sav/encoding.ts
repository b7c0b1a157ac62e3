// Which character encoding the file's text is in: the character encoding
// record (subtype 20) when present, else the code page in the integer info
// record (subtype 3), else Windows-1252 (what SPSS wrote before it said). The
// names are mapped onto the encodings the rest of the app reads (the same as
// for CSV), so the survey definition can record the choice; a name outside
// them is read as Windows-1252 with a warning rather than refused.
import type { EncodingName } from '../csv/encoding';
import { savMessages as M } from '../messages';

export interface SavEncoding {
  encoding: EncodingName;
  reason: string;
  /** A warning when the file's encoding is not one the app decodes. */
  warning: string | null;
}

/** Names as files spell them (lower-cased, without "-", "_" and spaces) → the app's encoding. */
const NAMES: Record<string, EncodingName> = {
  utf8: 'utf-8',
  windows1252: 'windows-1252',
  cp1252: 'windows-1252',
  // ISO-8859-1 and ASCII are subsets of Windows-1252 as TextDecoder reads them.
  iso88591: 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  ascii: 'windows-1252',
  usascii: 'windows-1252',
  'ansix3.41968': 'windows-1252',
  // GB2312 and GBK are subsets of GB18030.
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  windows936: 'gb18030',
  euccn: 'gb18030',
  macintosh: 'macintosh',
  macroman: 'macintosh',
  xmacroman: 'macintosh',
};

/** Code pages (integer info record) → the app's encoding; 2 and 3 are SPSS's "ASCII". */
const CODE_PAGES: Record<number, EncodingName> = {
  2: 'windows-1252',
  3: 'windows-1252',
  1252: 'windows-1252',
  28591: 'windows-1252',
  20127: 'windows-1252',
  65001: 'utf-8',
  936: 'gb18030',
  54936: 'gb18030',
  10000: 'macintosh',
};

function encodingByName(name: string): EncodingName | null {
  const key = name.toLowerCase().replace(/[-_\s]/g, '');
  return Object.prototype.hasOwnProperty.call(NAMES, key) ? NAMES[key]! : null;
}

export function savEncoding(record: string | null, codePage: number | null): SavEncoding {
  if (record !== null && record !== '') {
    const known = encodingByName(record);
    if (known !== null) return { encoding: known, reason: M.encodingRecord(record), warning: null };
    return {
      encoding: 'windows-1252',
      reason: M.encodingRecord(record),
      warning: M.unknownEncoding(record),
    };
  }
  if (codePage !== null) {
    const known = Object.prototype.hasOwnProperty.call(CODE_PAGES, codePage)
      ? CODE_PAGES[codePage]!
      : null;
    if (known !== null)
      return { encoding: known, reason: M.encodingCodePage(codePage), warning: null };
    return {
      encoding: 'windows-1252',
      reason: M.encodingCodePage(codePage),
      warning: M.unknownEncoding(`code page ${codePage}`),
    };
  }
  return { encoding: 'windows-1252', reason: M.encodingDefault, warning: null };
}
