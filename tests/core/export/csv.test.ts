import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { tableToCsv, tableToTsv } from '../../../src/core/export/csv';
import { neutraliseCell, unescapeCell } from '../../../src/core/export/formula';

describe('cells that a spreadsheet would run as formulas are neutralised', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['  =1+1', "'  =1+1"],
    ['-', "'-"],
    ['+', "'+"],
    ['- none -', "'- none -"],
    ['-3.5e2', "'-3.5e2"],
    ['-3,5', "'-3,5"],
    // Every kind of leading space: a no-break space, an ideographic space, a thin space.
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000@SUM(A1)', "'\u3000@SUM(A1)"],
    ['\u2009+cmd', "'\u2009+cmd"],
    // A cell that looks escaped already gets one more "'", so reading back is exact.
    ["'=already text", "''=already text"],
    ["''", "'''"],
  ])('%j becomes %j, and reads back as %j', (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe);
    expect(unescapeCell(safe)).toBe(cell);
  });

  it.each([
    ['-3.5'],
    ['+2.3'],
    ['-12'],
    ['-1,234.5'],
    ['+12.5%'],
    ['-0.4%'],
    [' -3.5 '],
    ['38.07%'],
    ['Other'],
    ["'tis plain"],
    ['QQ (Tencent)'],
    ['微信 = WeChat'],
    [''],
    ['–'],
  ])('%j is left as it is (a number or plain text)', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});

describe('writing a grid as CSV', () => {
  it('quotes only what RFC 4180 needs, ends every row with "\\n"', () => {
    const csv = tableToCsv([
      ['Option', 'Percent'],
      ['QQ, Tencent', '38.07%'],
      ['Say "hi"', '1'],
      ['two\nlines', ''],
      [' padded', 'end '],
    ]);
    expect(csv).toBe(
      'Option,Percent\n"QQ, Tencent",38.07%\n"Say ""hi""",1\n"two\nlines",\n" padded","end "\n',
    );
  });

  it('neutralises formulas inside the quoting', () => {
    expect(tableToCsv([['=1+1', '-3.5', '@x,y']])).toBe(`'=1+1,-3.5,"'@x,y"\n`);
  });

  it('writes a header block of one-cell rows, an empty row and the table', () => {
    expect(tableToCsv([['Title'], [], ['a', 'b']])).toBe('Title\n\na,b\n');
  });

  it('starts with a byte order mark only when asked, for Excel on Windows', () => {
    expect(tableToCsv([['微信']], { bom: true })).toBe('\uFEFF微信\n');
    expect(tableToCsv([['微信']])).toBe('微信\n');
  });

  it('reads back with papaparse as the neutralised cells', () => {
    const rows = [
      ['label', 'text'],
      ['a "quoted", comma', 'multi\r\nline'],
      ['=cmd', '-4.5'],
    ];
    const parsed = Papa.parse<string[]>(tableToCsv(rows), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['label', 'text'],
      ['a "quoted", comma', 'multi\r\nline'],
      ["'=cmd", '-4.5'],
    ]);
  });
});

describe('writing a grid as tab-separated text for the clipboard', () => {
  it('joins cells by tabs and rows by "\\n", without a final line break', () => {
    expect(
      tableToTsv([
        ['Option', 'Percent'],
        ['QQ', '38.07%'],
      ]),
    ).toBe('Option\tPercent\nQQ\t38.07%');
    expect(tableToTsv([['Title'], [], ['a', 'b']])).toBe('Title\n\na\tb');
  });

  it.each([
    ['a\tb', 'a b'],
    ['two\nlines', 'two lines'],
    ['windows\r\nbreak', 'windows break'],
    ['many\t\t\ttabs', 'many tabs'],
    ['\t=1+1', "' =1+1"],
    ['=1+1', "'=1+1"],
    ['-3.5', '-3.5'],
    ['comma, and "quotes"', 'comma, and "quotes"'],
  ])('writes the cell %j as %j', (cell, text) => {
    expect(tableToTsv([[cell, 'x']])).toBe(`${text}\tx`);
  });
});

describe('every export goes through the one writer', () => {
  it("neutralises formula cells behind any kind of space in a respondent export (the library's Export CSV)", async () => {
    const { loadSurveyFile } = await import('../../../src/core/pipeline');
    const { exportRespondentCsv } = await import('../../../src/core/export/respondents');
    const csv = 'id,q\n1,"\u00a0=HYPERLINK(""http://x"")"\n2,"  +cmd"\n3,-5\n';
    const r = loadSurveyFile(new TextEncoder().encode(csv), { file: 'x.csv', missingTokens: [''] });
    if (!r.ok || r.value.kind !== 'respondents') throw new Error('not loaded');
    const cells = Papa.parse<string[]>(exportRespondentCsv(r.value.table), {
      skipEmptyLines: true,
    }).data.map((row) => row[1]);
    // The encoder trims cells (every Unicode space), so the label is "=HYPERLINK(…)".
    expect(cells).toEqual(['q', `'=HYPERLINK("http://x")`, "'+cmd", '-5']);
  });
});
