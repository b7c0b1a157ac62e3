// Writes the .xlsx fixtures in tests/fixtures/xlsx/, by two writers that are
// not the app's reader:
// - by hand: the XML of every part written out here and zipped with fflate,
//   so each feature the reader must handle is in the file on purpose (shared
//   and inline strings, rich text and phonetic runs, booleans, error cells,
//   formulas with and without a saved result, dates in the 1900 and 1904
//   systems, a date-time with an escaped custom format, times, a cell that
//   displays 12% for 0.1234, cells without positions, blank rows, a merged
//   cell, namespace prefixes, a chart sheet and a hidden sheet);
// - by ExcelJS (a widely used writer, with its own shared strings and styles):
//   the bundled demo respondents and Sootoo's June 2013 figures, from their
//   CSV files, numbers as numbers and percents as percentage-formatted
//   fractions, as someone typing them into Excel would have them.
//
//   npx tsx scripts/make-xlsx-fixtures.ts
//
// The tests import the builders too, to make damaged and hostile workbooks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8, type Zippable } from 'fflate';
import Papa from 'papaparse';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const XLSX_FIXTURES = `${ROOT}tests/fixtures/xlsx/`;

/** A fixed time for every part, so the files are the same bytes each time. */
const MTIME = new Date('2024-05-01T00:00:00Z');

/** Parts (name → XML text, or bytes) zipped as Excel does: deflate, [Content_Types].xml first. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, body] of Object.entries(parts))
    files[name] = [typeof body === 'string' ? strToU8(body) : body, { level: 6, mtime: MTIME }];
  return zipSync(files);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HandSheet {
  name: string;
  /** The worksheet's XML between <sheetData> and </sheetData>. */
  rows: string;
  /** After </sheetData> (mergeCells…). */
  after?: string;
  state?: 'hidden' | 'veryHidden';
}

export interface HandBook {
  sheets: HandSheet[];
  /** <si> elements, or null for a workbook without a shared strings part. */
  strings: string[] | null;
  /** <numFmt> elements. */
  numFmts?: string[];
  /** numFmtId of each cell style (cellXfs), index = the cells' s attribute; null: no styles part. */
  cellXfs?: number[] | null;
  date1904?: boolean;
  /** A chart sheet listed after the first worksheet (it has no cells). */
  chartSheet?: boolean;
  /** Every element written with this namespace prefix (x:row…), as SDK-made files are. */
  prefix?: string;
  /** Leave out _rels/.rels (the reader then looks for xl/workbook.xml). */
  noRootRels?: boolean;
}

/** An .xlsx written part by part. */
export function handWorkbook(book: HandBook): Uint8Array {
  const p = book.prefix === undefined ? '' : `${book.prefix}:`;
  const ns = book.prefix === undefined ? `xmlns="${MAIN}"` : `xmlns:${book.prefix}="${MAIN}"`;
  const prefixed = (xml: string): string =>
    p === '' ? xml : xml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`);
  const parts: Record<string, string> = {};
  const sheetEntries: string[] = [];
  const rels: string[] = [];
  const overrides: string[] = [];
  let rid = 0;
  let n = 0;
  book.sheets.forEach((s, i) => {
    n++;
    rid++;
    const state = s.state === undefined ? '' : ` state="${s.state}"`;
    sheetEntries.push(`<sheet name="${escape(s.name)}" sheetId="${n}"${state} r:id="rId${rid}"/>`);
    rels.push(
      `<Relationship Id="rId${rid}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    );
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `${XML}<${p}worksheet ${ns} xmlns:r="${REL}">${prefixed(`<sheetData>${s.rows}</sheetData>${s.after ?? ''}`)}</${p}worksheet>`;
    if (i === 0 && book.chartSheet === true) {
      n++;
      rid++;
      sheetEntries.push(`<sheet name="Chart1" sheetId="${n}" r:id="rId${rid}"/>`);
      rels.push(
        `<Relationship Id="rId${rid}" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>`,
      );
      parts['xl/chartsheets/sheet1.xml'] =
        `${XML}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`;
    }
  });
  if (book.strings !== null) {
    rid++;
    rels.push(
      `<Relationship Id="rId${rid}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    );
    parts['xl/sharedStrings.xml'] =
      `${XML}<${p}sst ${ns} count="${book.strings.length}" uniqueCount="${book.strings.length}">${prefixed(book.strings.join(''))}</${p}sst>`;
  }
  if (book.cellXfs !== null && book.cellXfs !== undefined) {
    rid++;
    rels.push(`<Relationship Id="rId${rid}" Type="${REL}/styles" Target="styles.xml"/>`);
    const fmts = book.numFmts ?? [];
    // A cell *style* with a date format comes first: only <cellXfs> may be read for cells.
    parts['xl/styles.xml'] = `${XML}<${p}styleSheet ${ns}>${prefixed(
      `${fmts.length > 0 ? `<numFmts count="${fmts.length}">${fmts.join('')}</numFmts>` : ''}` +
        `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<cellStyleXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/></cellStyleXfs>` +
        `<cellXfs count="${book.cellXfs.length}">${book.cellXfs
          .map(
            (id) =>
              `<xf numFmtId="${id}" fontId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>`,
          )
          .join('')}</cellXfs>`,
    )}</${p}styleSheet>`;
  }
  const pr = book.date1904 === true ? '<workbookPr date1904="1"/>' : '<workbookPr/>';
  parts['xl/workbook.xml'] =
    `${XML}<${p}workbook ${ns} xmlns:r="${REL}">${prefixed(pr)}<${p}sheets>${sheetEntries
      .map((e) => prefixed(e))
      .join('')}</${p}sheets></${p}workbook>`;
  parts['xl/_rels/workbook.xml.rels'] =
    `${XML}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
  const out: Record<string, string> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  };
  if (book.noRootRels !== true)
    out['_rels/.rels'] =
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return zipParts({ ...out, ...parts });
}

/** A row of cells: each [ref, attributes, inner XML]. */
export const row = (r: number | null, cells: string[]): string =>
  `<row${r === null ? '' : ` r="${r}"`}>${cells.join('')}</row>`;
export const cell = (ref: string | null, attrs: string, inner: string): string =>
  `<c${ref === null ? '' : ` r="${ref}"`}${attrs === '' ? '' : ` ${attrs}`}>${inner}</c>`;
const num = (ref: string, v: string, s?: number): string =>
  cell(ref, s === undefined ? '' : `s="${s}"`, `<v>${v}</v>`);
const shared = (ref: string, i: number): string => cell(ref, 't="s"', `<v>${i}</v>`);
const inline = (ref: string, text: string): string =>
  cell(ref, 't="inlineStr"', `<is><t xml:space="preserve">${escape(text)}</t></is>`);

/** Cell styles of the hand-written workbooks: index → numFmtId. */
const STYLE = { general: 0, date: 1, dateTime: 2, percent0: 3, time: 4, percent2: 5, dt22: 6 };
const CELL_XFS = [0, 14, 164, 9, 20, 10, 22];
const NUM_FMTS = ['<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/>'];

/**
 * features.xlsx: sheet "Answers" (respondent data with every kind of cell),
 * a chart sheet, sheet "Published" (Eguan's July 2013 market shares with the
 * percents typed as percentages: 0.3807 shown as 38.07%) and a hidden sheet.
 */
export function featuresWorkbook(): Uint8Array {
  const header = [
    'id',
    'name',
    'joined',
    'last_login',
    'active',
    'share',
    'score',
    'note',
    'start_time',
    'doubled',
  ];
  const strings = [
    ...header.map((h) => `<si><t>${h}</t></si>`),
    '<si><r><t>Ann</t></r><r><rPr><b/></rPr><t>a</t></r></si>', // 10: rich text, "Anna"
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="0"/></si>', // 11
    '<si><t>Zoë &amp; Co &lt;3</t></si>', // 12
    '<si><t>_x005F_x0041_ literal</t></si>', // 13: an escaped "_x0041_"
    '<si><t xml:space="preserve"> Bob </t></si>', // 14
  ];
  const S = STYLE;
  const answers = [
    row(
      1,
      header.map((_, i) => shared(`${'ABCDEFGHIJ'[i]}1`, i)),
    ),
    row(2, [
      num('A2', '1'),
      shared('B2', 10),
      num('C2', '45413', S.date),
      num('D2', '45413.5', S.dateTime),
      cell('E2', 't="b"', '<v>1</v>'),
      num('F2', '0.1234', S.percent0),
      num('G2', '2.1000000000000001'),
      inline('H2', 'first note'),
      num('I2', '0.35416666666666669', S.time),
      cell('J2', '', '<f>A2*2</f><v>2</v>'),
    ]),
    row(3, [
      num('A3', '2'),
      shared('B3', 11),
      num('C3', '45414', S.date),
      num('D3', '45414.75', S.dateTime),
      cell('E3', 't="b"', '<v>0</v>'),
      num('F3', '0.5', S.percent0),
      num('G3', '1E-3'),
      cell(
        'H3',
        't="inlineStr"',
        '<is><r><t xml:space="preserve">two </t></r><r><t>runs</t></r></is>',
      ),
      num('I3', '0.5', S.time),
      cell('J3', '', '<f>A3*2</f>'),
    ]),
    row(4, [
      num('A4', '3'),
      shared('B4', 12),
      num('C4', '45415.25', S.date),
      cell('E4', 't="b"', '<v>1</v>'),
      num('F4', '1', S.percent0),
      num('G4', '-0'),
      cell('I4', 't="e"', '<v>#N/A</v>'),
      cell('J4', 't="e"', '<f>1/0</f><v>#DIV/0!</v>'),
    ]),
    '<row r="6" spans="1:10"></row>',
    row(7, [
      num('A7', '4'),
      shared('B7', 13),
      cell('C7', 't="d"', '<v>2024-05-04T00:00:00Z</v>'),
      cell('D7', 't="str"', '<f>TEXT(C7,"yyyy")</f><v>2024</v>'),
      cell('E7', 't="b"', '<v>0</v>'),
      num('F7', '0.25', S.percent0),
      num('G7', '12345678901234567890'),
      shared('H7', 14),
      cell('I7', 's="4"', ''),
      num('J7', '8'),
    ]),
    // Cells without positions follow one another from column A.
    row(null, [
      cell(null, '', '<v>5</v>'),
      cell(null, 't="s"', '<v>14</v>'),
      cell(null, 's="1"', '<v>45413</v>'),
    ]),
  ].join('');
  return handWorkbook({
    strings,
    numFmts: NUM_FMTS,
    cellXfs: CELL_XFS,
    chartSheet: true,
    sheets: [
      {
        name: 'Answers',
        rows: answers,
        after: '<mergeCells count="1"><mergeCell ref="H3:H4"/></mergeCells>',
      },
      { name: 'Published', rows: eguanRows() },
      { name: 'Notes', rows: row(1, [inline('A1', 'internal')]), state: 'hidden' },
    ],
  });
}

/** Eguan's figures (surveys/eguan-2013-07-mobile-im-share.csv), percents as 0.00% cells. */
function eguanRows(): string {
  const csv = readFileSync(`${ROOT}surveys/eguan-2013-07-mobile-im-share.csv`, 'utf8');
  const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: false }).data;
  const percentCol = rows[0]!.indexOf('percent');
  return rows
    .map((cells, r) =>
      row(
        r + 1,
        cells.flatMap((text, c) => {
          if (text === '') return [];
          const ref = `${colName(c)}${r + 1}`;
          const pct = /^(\d+(?:\.\d+)?)%$/.exec(text);
          if (r > 0 && c === percentCol && pct !== null) {
            if ((pct[1]!.split('.')[1] ?? '').length !== 2) throw new Error(`${text}: not 0.00%`);
            return [num(ref, String(fraction(pct[1]!)), STYLE.percent2)];
          }
          return [inline(ref, text)];
        }),
      ),
    )
    .join('');
}

/** "38.07" → 0.3807, by moving the decimal point (no floating-point division). */
function fraction(percent: string): number {
  const [int, dec = ''] = percent.split('.');
  const digits = `${int!.padStart(3, '0')}${dec}`;
  return Number(`${digits.slice(0, -2 - dec.length) || '0'}.${digits.slice(-2 - dec.length)}`);
}

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * dates-1904.xlsx: a Mac workbook (dates counted from 1904), every element
 * with an "x:" prefix, no shared strings, no _rels/.rels: the same dates as
 * features.xlsx's 45413 (2024-05-01) are 43951 here.
 */
export function dates1904Workbook(): Uint8Array {
  const S = STYLE;
  return handWorkbook({
    prefix: 'x',
    strings: null,
    numFmts: NUM_FMTS,
    cellXfs: CELL_XFS,
    date1904: true,
    noRootRels: true,
    sheets: [
      {
        name: 'Dates',
        rows: [
          row(1, [inline('A1', 'event'), inline('B1', 'day'), inline('C1', 'moment')]),
          row(2, [
            inline('A2', 'launch'),
            num('B2', '43951', S.date),
            num('C2', '43951.5', S.dt22),
          ]),
          row(3, [inline('A3', 'epoch'), num('B3', '0', S.date), num('C3', '0', S.dt22)]),
          row(4, [
            inline('A4', 'late'),
            num('B4', '43952.999988425923', S.dateTime),
            num('C4', '-1', S.date),
          ]),
        ].join(''),
      },
    ],
  });
}

// ---- ExcelJS: CSV files as someone would have them in Excel ------------------

/** A number as Excel would store what was typed: "0.861" is a number, "007" and "1e3" stay text. */
function typed(text: string): number | null {
  if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return String(n) === text ? n : null;
}

export interface CsvToXlsxOptions {
  sheet?: string;
  /** A column whose "38.07%" cells become percentage-formatted fractions (0.3807, "0.00%"). */
  percentColumn?: string;
  /** Sheets put before the data sheet (so the data is not the first sheet). */
  before?: string[];
}

/** A CSV as an .xlsx written by ExcelJS: numbers as numbers, one sheet. */
export async function csvToXlsx(csv: string, opts: CsvToXlsxOptions = {}): Promise<Uint8Array> {
  const mod = await import('exceljs');
  const ExcelJS = (mod.default as typeof mod | undefined) ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.created = MTIME;
  wb.modified = MTIME;
  for (const name of opts.before ?? []) wb.addWorksheet(name).getCell('A1').value = name;
  const ws = wb.addWorksheet(opts.sheet ?? 'Sheet1');
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').replace(/\r?\n$/, ''), {
    skipEmptyLines: false,
  }).data;
  const percentCol = opts.percentColumn === undefined ? -1 : rows[0]!.indexOf(opts.percentColumn);
  rows.forEach((cells, r) => {
    cells.forEach((text, c) => {
      if (text === '') return;
      const target = ws.getCell(r + 1, c + 1);
      const pct = /^(\d+(?:\.(\d+))?)%$/.exec(text);
      if (r > 0 && c === percentCol && pct !== null) {
        target.value = fraction(pct[1]!);
        target.numFmt = pct[2] === undefined ? '0%' : `0.${'0'.repeat(pct[2].length)}%`;
        return;
      }
      target.value = typed(text) ?? text;
    });
  });
  return fixedTimes(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/**
 * ExcelJS stamps each ZIP entry with the time it was written: set every
 * local header's and directory record's DOS time and date to MTIME's, so the
 * committed files are the same bytes each time (nothing else is changed).
 */
function fixedTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const time = 0; // 00:00:00
  const date =
    ((MTIME.getUTCFullYear() - 1980) << 9) | ((MTIME.getUTCMonth() + 1) << 5) | MTIME.getUTCDate();
  let eocd = zip.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    view.setUint16(at + 12, time, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
  return zip;
}

async function main(): Promise<void> {
  mkdirSync(XLSX_FIXTURES, { recursive: true });
  const write = (name: string, bytes: Uint8Array): void => {
    writeFileSync(`${XLSX_FIXTURES}${name}`, bytes);
    console.log(`${name}: ${bytes.length.toLocaleString('en-US')} bytes`);
  };
  write('features.xlsx', featuresWorkbook());
  write('dates-1904.xlsx', dates1904Workbook());
  const demo = readFileSync(`${ROOT}surveys/demo-simulated-wechat-respondents.csv`, 'utf8');
  write(
    'demo-respondents.xlsx',
    await csvToXlsx(demo, { sheet: 'Respondents', before: ['About'] }),
  );
  const sootoo = readFileSync(`${ROOT}surveys/sootoo-2013-06-wechat-users.csv`, 'utf8');
  write(
    'sootoo-2013-06.xlsx',
    await csvToXlsx(sootoo, { sheet: 'Figures', percentColumn: 'percent' }),
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1])
  await main();
