// Excel workbooks (src/core/xlsx).
import { capEcho, isolate } from '../format/bidi';
import { formatCount } from '../format/number';
import { bytes as xlsxBytes } from './words';

const damaged =
  'The workbook is damaged (cut short or altered): copy or download it again, or open it in Excel and save it again.';
const xlsxSheetList = (names: readonly string[]): string =>
  `${names
    .slice(0, 20)
    .map((n) => `"${capEcho(n, 60)}"`)
    .join(', ')}${names.length > 20 ? ` and ${formatCount(names.length - 20)} more` : ''}`;

/** A workbook that cannot be read, or not as asked. */
export const xlsxErrors = {
  /** For the synchronous door (loadSurveyFile), which cannot load the reader. */
  'import-xlsx-async':
    'This is an Excel workbook (.xlsx): its reader is loaded on demand, so it is read through loadSurveyFileAsync.',
  'xlsx-reader-unavailable': (why: string) =>
    `The Excel reader could not be loaded (${why}). Reload the page and try again.`,
  'xlsx-ole':
    'This is an Excel 97–2003 workbook (.xls) or a password-protected workbook: both are stored in the older compound-file format, which this app does not read. Open it in Excel, remove any password, and save it as .xlsx or CSV.',
  'xlsx-xlsb':
    'This is an Excel binary workbook (.xlsb), which this app does not read. Open it in Excel and save it as .xlsx or CSV.',
  'xlsx-ods':
    'This is an OpenDocument spreadsheet (.ods), which this app does not read. Open it in LibreOffice or Excel and save it as .xlsx or CSV.',
  'xlsx-not-workbook': (names: readonly string[]) =>
    `This is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml. It holds ${xlsxSheetList(names)}. If one of them is your data, unzip the archive and choose that file.`,
  'xlsx-too-large': (limit: number, compressed: number) =>
    `The workbook expands to more than ${xlsxBytes(limit)} of XML from ${xlsxBytes(compressed)}, more than a survey file needs and more than this app reads (a "zip bomb" expands like this). Save only the sheet you need, or save it as CSV.`,
  'xlsx-incomplete': (part: string) =>
    `The workbook has no part ${isolate(part)}, though its own index names it: it is incomplete.`,
  'xlsx-beyond-table': (sheet: string, row: number, column: string, last: string) =>
    `Row ${formatCount(row)} of sheet "${isolate(sheet)}" has a value in column ${column}, to the right of the table, which ends at column ${last} in its first rows. Move the value into the table or delete it, then save the workbook again.`,
  'xlsx-no-sheet':
    'The workbook has no worksheet (only chart sheets or none at all). Put the data on a worksheet and save it again.',
  'xlsx-no-such-sheet': (asked: string, names: readonly string[]) =>
    `The workbook has no sheet "${capEcho(asked)}". Its sheets are ${xlsxSheetList(names)}: choose one by its name or its position (1 for the first).`,
  'xlsx-definition-sheet': (asked: string, names: readonly string[]) =>
    `The survey definition reads the sheet "${capEcho(asked)}", which this workbook does not have (its sheets are ${xlsxSheetList(names)}). Choose a sheet, or remove "sheet" from the definition.`,
  'xlsx-empty-sheet': (sheet: string) =>
    `The sheet "${isolate(sheet)}" is empty. Choose the sheet that holds the data.`,
  'xlsx-no-zip-directory': (size: number) =>
    `The file starts like an .xlsx workbook (a ZIP archive) but its last ${xlsxBytes(Math.min(size, 65557))} hold no ZIP directory, so it was cut short. ${damaged}`,
  /** `why`: one of xlsxMessages' ZIP clauses (entryCount, pastEnd, badSignature, duplicatePart). */
  'xlsx-damaged': (why: string) =>
    `The ZIP directory at the end of the workbook is damaged: ${why}. ${damaged}`,
  /** `why`: one of xlsxMessages' part clauses (encrypted, unknownMethod, inflate, sizeMismatch…). */
  'xlsx-part-damaged': (part: string, why: string) =>
    `The part ${isolate(part)} cannot be read: ${why}. ${damaged}`,
  /** `where`: nearRow or atCell, or ''; `why`: one of xlsxMessages' XML clauses. */
  'xlsx-malformed': (part: string, where: string, why: string) =>
    `The part ${isolate(part)} is not well-formed XML${where === '' ? '' : ` (${where})`}: ${why}. ${damaged}`,
  'xlsx-internal': (why: string) => `The workbook cannot be read (${why}). ${damaged}`,
} as const;

export const xlsxMessages = {
  // Why the ZIP directory or a part cannot be read (xlsx-damaged, xlsx-part-damaged).
  entryCount: (n: number) => `it lists ${formatCount(n)} parts, more than any workbook has`,
  pastEnd: 'it points past the end of the file',
  badSignature: (at: number) => `byte ${formatCount(at)} is not where its record says`,
  duplicatePart: (name: string) => `it lists the part ${capEcho(name)} twice`,
  encrypted: 'it is encrypted',
  unknownMethod: (method: number) =>
    `it is compressed with ZIP method ${method}, not the deflate method workbooks use`,
  inflate: (why: string) => `its compressed data is damaged (${why})`,
  sizeMismatch: (stated: number, got: number) =>
    `the ZIP directory says it holds ${xlsxBytes(stated)}, but it expands to ${xlsxBytes(got)}`,
  expandsBeyond: (stated: number) =>
    `it expands to more than the ${xlsxBytes(stated)} the ZIP directory states`,
  checksum: 'its checksum does not match its contents',

  // The XML inside.
  nearRow: (row: number) => `near row ${formatCount(row)}`,
  atCell: (ref: string) => `at cell ${ref}`,
  notUtf8: 'its text is not valid UTF-8',
  unclosedTag: 'a tag is not closed',
  mismatchedTag: (open: string, close: string) => `<${open}> is closed by </${close}>`,
  strayClose: (close: string) => `</${close}> closes no open element`,
  endsInside: (open: string) => `it ends inside <${open}>, so it was cut short`,
  tooDeep: 'its elements are nested too deeply',
  doctype: 'it declares a DOCTYPE, which workbook parts never do',
  badEntity: (text: string) => `"${capEcho(text, 30)}" is not an XML character or entity`,
  tooLong: (limit: number) => `one piece of text or one tag is longer than ${xlsxBytes(limit)}`,

  // Cells and rows.
  badRowNumber: (text: string) =>
    `the row number "${capEcho(text, 30)}" is not a row of a sheet (1 to 1,048,576)`,
  rowOrder: (row: number, after: number) =>
    `row ${formatCount(row)} comes after row ${formatCount(after)}`,
  badCellRef: (text: string) => `"${capEcho(text, 30)}" is not a cell reference like B7`,
  cellOrder: (ref: string) => `cell ${ref} comes after a cell to its right`,
  badNumber: (text: string) => `"${capEcho(text, 30)}" is not a number`,
  badBoolean: (text: string) => `"${capEcho(text, 30)}" is not a boolean (1 or 0)`,
  badSharedString: (index: string, count: number) =>
    `it refers to shared string ${capEcho(index, 30)}, but the workbook has ${formatCount(count)}`,
  badStyle: (style: string, count: number) =>
    `it uses cell format ${capEcho(style, 30)}, but styles.xml defines ${formatCount(count)}`,

  // Reasons and warnings shown in the preview.
  encodingReason: 'An .xlsx workbook stores its text as Unicode.',
  delimiterReason: 'A workbook stores cells, not delimited text.',
  percentCells: (n: number) =>
    `${formatCount(n)} ${n === 1 ? 'cell is' : 'cells are'} formatted as a percentage: read as the percentage ${n === 1 ? 'it holds' : 'they hold'}, in full (0.3807 as 38.07%), as published figures are written.`,
  formulasWithoutValue: (n: number, first: string) =>
    `${formatCount(n)} ${n === 1 ? 'cell holds a formula' : 'cells hold formulas'} without a saved result (first ${first}), read as blank. Open the workbook in Excel, let it calculate, and save it again.`,
  errorCells: (n: number, first: string, errors: readonly string[]) =>
    `${formatCount(n)} ${n === 1 ? 'cell holds' : 'cells hold'} an Excel error (${errors.join(', ')}; first ${first}), read as that text.`,
  phantomDate: (first: string) =>
    `Cell ${first} holds 29 February 1900, a day that did not exist (Excel counts it for compatibility with Lotus 1-2-3); it is read as 1900-02-29.`,

  // The preview's sheet picker and the CLI flag.
  sheetLabel: 'Sheet',
  sheetHidden: (name: string) => `${name} (hidden)`,
  sheetReason: (count: number) =>
    `The first visible of the workbook's ${formatCount(count)} sheets; choose another here.`,
  sheetChosen: 'chosen by you',
  sheetFromDefinition: 'as the definition says',
  sheetFlag: {
    value: '<name|number>',
    help: 'An Excel workbook (.xlsx): the sheet to read, by name or position (1 = first; default: the first visible sheet, or the one the definition names).',
  },
} as const;
