// The hand-written fixtures (scripts/make-xlsx-fixtures.ts) read cell by cell:
// every kind of cell comes out as its stored value, the sheets are listed and
// picked by name or position, the choice is recorded in the definition, and
// files that look like workbooks but are not get a message that says what
// they are.
import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';
import {
  emptyDefinition,
  formatDefinition,
  parseDefinition,
} from '../../../src/core/definition/definition';
import { handWorkbook } from '../../../scripts/make-xlsx-fixtures';
import { edited, fixture, load, preview, respondents, value } from './helpers';

const features = fixture('features.xlsx');

describe('features.xlsx, sheet "Answers" (respondent data)', () => {
  it('is the sheet read by default, the first visible one, with every cell as its stored value', async () => {
    const p = await preview(features);
    expect(p.workbook).toEqual({
      // The chart sheet holds no cells and is not listed.
      sheets: [
        { name: 'Answers', hidden: false },
        { name: 'Published', hidden: false },
        { name: 'Notes', hidden: true },
      ],
      sheet: 'Answers',
    });
    expect(p.detected.shape).toBe('respondents');
    expect(p.rows).toEqual([
      [
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
      ],
      // rich text joined; 1900 date; escaped custom date-time; boolean; 0.1234 shown as 12%
      // stays 0.1234; 2.1000000000000001 is 2.1; inline string; h:mm time; a formula's result.
      [
        '1',
        'Anna',
        '2024-05-01',
        '2024-05-01T12:00:00',
        'TRUE',
        '0.1234',
        '2.1',
        'first note',
        '08:30:00',
        '2',
      ],
      // the phonetic guide is left out; 1E-3 is 0.001; inline rich text; a formula without a result is blank.
      [
        '2',
        '東京',
        '2024-05-02',
        '2024-05-02T18:00:00',
        'FALSE',
        '0.5',
        '0.001',
        'two runs',
        '12:00:00',
        '',
      ],
      // entities decoded; a date with a time; -0 is 0; H4 is inside the merged H3:H4; error cells as text.
      ['3', 'Zoë & Co <3', '2024-05-03T06:00:00', '', 'TRUE', '1', '0', '', '#N/A', '#DIV/0!'],
      // rows 5 and 6 are blank; _x005F_ escapes "_"; t="d" ISO date; a string formula; 20 digits.
      [
        '4',
        '_x0041_ literal',
        '2024-05-04',
        '2024',
        'FALSE',
        '0.25',
        '12345678901234567000',
        ' Bob ',
        '',
        '8',
      ],
      // cells without positions follow one another from column A; the row is padded.
      ['5', ' Bob ', '2024-05-01', '', '', '', '', '', '', ''],
    ]);
  });

  it('says which cells lost their formula results and which hold errors, and records the sheet', async () => {
    const p = await preview(features);
    expect(p.detected.warnings).toContain(
      '1 cell holds a formula without a saved result (first J3), read as blank. Open the workbook in Excel, let it calculate, and save it again.',
    );
    expect(p.detected.warnings).toContain(
      '1 cell holds an Excel error (#DIV/0!; first J4), read as that text.',
    );
    // #N/A is a missing value by default, so it is not an error worth a warning.
    expect(p.detected.warnings.join(' ')).not.toContain('#N/A');
    expect(p.definition?.sheet).toBe('Answers');
    expect(p.definition).not.toHaveProperty('encoding');
    expect(p.definition).not.toHaveProperty('delimiter');
  });

  it('loads as a table of 5 respondents whose #N/A cell is missing', async () => {
    const r = await respondents(features);
    expect(r.table.rowCount).toBe(5);
    expect(r.definition.sheet).toBe('Answers');
    const start = r.table.columns.find((c) => c.id === 'start_time');
    if (start?.type !== 'single') throw new Error(`start_time is ${start?.type}`);
    // Respondents 4 and 5 left it blank and respondent 3 has #N/A: three missing.
    expect([...start.codes].filter((c) => c === 0)).toHaveLength(3);
    expect(start.labels).toEqual(['08:30:00', '12:00:00']);
  });
});

describe('picking a sheet', () => {
  it('by name, ignoring case as Excel does, or by position among the worksheets', async () => {
    for (const sheet of ['Published', 'published', '2', ' 2 '])
      expect((await preview(features, { sheet })).workbook?.sheet, sheet).toBe('Published');
    // A hidden sheet is read when asked for.
    expect((await preview(features, { sheet: 'Notes' })).rows).toEqual([['internal']]);
  });

  it('refuses a sheet the workbook does not have, naming its sheets', async () => {
    for (const sheet of ['Chart1', '4', '0', 'Answers2']) {
      const r = await load(features, { sheet });
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.error).toEqual({
          code: 'xlsx-no-such-sheet',
          file: 'book.xlsx',
          message: `The workbook has no sheet "${sheet}". Its sheets are "Answers", "Published", "Notes": choose one by its name or its position (1 for the first).`,
        });
    }
  });

  it('reads the sheet the definition names, and a chosen sheet wins over it', async () => {
    const def = (await preview(features, { sheet: 'Notes' })).definition!;
    expect(def.sheet).toBe('Notes');
    // It survives being saved and read back (a download, a link, the CLI's --definition).
    expect(value(parseDefinition(formatDefinition(def), 'def.json'))).toEqual(def);
    expect((await preview(features, { definition: def })).workbook?.sheet).toBe('Notes');
    // The columns the definition names are the Notes sheet's: for another sheet, only its sheet is kept.
    const onlySheet = { ...emptyDefinition(), sheet: 'Notes' };
    expect((await preview(features, { definition: onlySheet })).workbook?.sheet).toBe('Notes');
    expect((await preview(features, { definition: onlySheet, sheet: '1' })).workbook?.sheet).toBe(
      'Answers',
    );
    const r = await load(features, { definition: { ...def, sheet: 'Gone' } });
    expect(r.ok || r.error.message).toBe(
      'The survey definition reads the sheet "Gone", which this workbook does not have (its sheets are "Answers", "Published", "Notes"). Choose a sheet, or remove "sheet" from the definition.',
    );
  });
});

describe('dates-1904.xlsx: a Mac workbook with prefixed elements and no package relationships', () => {
  it('gives the same dates as the 1900 system does for the same days', async () => {
    const p = await preview(fixture('dates-1904.xlsx'));
    expect(p.rows).toEqual([
      ['event', 'day', 'moment'],
      ['launch', '2024-05-01', '2024-05-01T12:00:00'],
      ['epoch', '1904-01-01', '1904-01-01T00:00:00'],
      // One second before midnight; a negative day is no date and stays a number.
      ['late', '2024-05-02T23:59:59', '-1'],
    ]);
  });
});

describe('files that are not .xlsx workbooks', () => {
  const zip = (files: Record<string, string>) =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it('the synchronous door sends a workbook to the asynchronous one', () => {
    for (const read of [loadSurveyFile, previewSurveyFile]) {
      const r = read(features, { file: 'book.xlsx' });
      expect(r.ok || r.error.code).toBe('import-xlsx-async');
    }
  });

  it('an Excel 97–2003 or password-protected workbook (an OLE file) is named as such', async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await load(ole);
    expect(r.ok || r.error.code).toBe('xlsx-ole');
    expect(r.ok || r.error.message).toMatch(/^This is an Excel 97–2003 workbook \(\.xls\)/);
    const sync = loadSurveyFile(ole, { file: 'old.xls' });
    expect(sync.ok || sync.error.code).toBe('xlsx-ole');
  });

  it('an .xlsb, an .ods and a ZIP of CSV files each get their own message', async () => {
    const cases: [Uint8Array, string][] = [
      [zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'x' }), 'xlsx-xlsb'],
      [
        zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
        'xlsx-ods',
      ],
      [zip({ 'data.csv': 'a,b\n1,2\n' }), 'xlsx-not-workbook'],
    ];
    for (const [bytes, code] of cases) {
      const r = await load(bytes);
      expect(r.ok || r.error.code).toBe(code);
    }
    const r = await load(cases[2]![0]);
    expect(r.ok || r.error.message).toBe(
      'This is a ZIP archive but not an Excel workbook: it has no xl/workbook.xml. It holds "data.csv". If one of them is your data, unzip the archive and choose that file.',
    );
  });

  it('a sheet without cells, or a workbook with only a chart sheet, says so', async () => {
    const empty = handWorkbook({
      strings: null,
      sheets: [{ name: 'Blank', rows: '<row r="3"/>' }],
    });
    const r = await load(empty);
    expect(r.ok || [r.error.code, r.error.message]).toEqual([
      'xlsx-empty-sheet',
      'The sheet "Blank" is empty. Choose the sheet that holds the data.',
    ]);
    const charts = edited(features, 'xl/_rels/workbook.xml.rels', (xml) =>
      xml.replace(/\/worksheet"/g, '/chartsheet"'),
    );
    const c = await load(charts);
    expect(c.ok || c.error.code).toBe('xlsx-no-sheet');
  });
});
