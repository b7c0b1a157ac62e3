// The CLI reads an .xlsx workbook through the one opener (openSurvey), exactly
// as the app does: inspect, crosstab and tabs print for the demo's workbook
// (written by ExcelJS, data on its second sheet) what they print for its CSV,
// --sheet picks the sheet by name or position, and a wrong sheet, or --sheet
// on a file that is no workbook, is an error that says what to do.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/cli/args';
import { commandUsage } from '../../src/cli/usage';
import { runCrosstab } from '../../src/cli/crosstab';
import { runInspect } from '../../src/cli/inspect';
import { runTabs } from '../../src/cli/tabs';
import { capture, DEMO, DEMO_DEFINITION, removeTempDirs, ROOT, tempDir } from './helpers';

afterAll(removeTempDirs);

const XLSX = join(ROOT, 'tests/fixtures/xlsx/demo-respondents.xlsx');
const FEATURES = join(ROOT, 'tests/fixtures/xlsx/features.xlsx');
const EGUAN = join(ROOT, 'surveys/eguan-2013-07-mobile-im-share.csv');

/** The demo workbook beside a copy of the demo's definition, as the CSV has it. */
function demoWorkbook(): string {
  const dir = tempDir();
  const file = join(dir, 'demo.xlsx');
  copyFileSync(XLSX, file);
  copyFileSync(DEMO_DEFINITION, join(dir, 'demo.json'));
  return file;
}

describe('an .xlsx workbook on the command line', { timeout: 60_000 }, () => {
  it('--sheet is a flag of every command that reads a file', () => {
    for (const command of ['inspect', 'crosstab', 'tabs', 'definition'] as const) {
      expect(commandUsage(command)).toContain('--sheet <name|number>');
      const parsed = parseCommandArgs(command, [
        'x.xlsx',
        '--sheet',
        'Respondents',
        ...(command === 'crosstab' ? ['--rows', 'q'] : command === 'tabs' ? ['--banner', 'q'] : []),
      ]);
      expect(parsed.kind === 'args' && parsed.args.sheet).toBe('Respondents');
    }
  });

  it('crosstab prints the same numbers as for the CSV, weighted by the definition beside it', async () => {
    const book = demoWorkbook();
    const argv = ['--rows', 'How often do you use WeChat?', '--cols', 'age_group', '--json'];
    const a = await capture(() => runCrosstab([DEMO, ...argv, '--where', 'gender=Female']));
    const b = await capture(() =>
      runCrosstab([book, '--sheet', 'Respondents', ...argv, '--where', 'gender=Female']),
    );
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(JSON.parse(b.stdout)).toEqual(JSON.parse(a.stdout));
    // Sheet 2 by position is the same sheet.
    const c = await capture(() =>
      runCrosstab([book, '--sheet', '2', ...argv, '--where', 'gender=Female']),
    );
    expect(c.stdout).toBe(b.stdout);
  });

  it('inspect and tabs print what they print for the CSV', async () => {
    const book = demoWorkbook();
    const a = await capture(() => runInspect([DEMO, '--json']));
    const b = await capture(() => runInspect([book, '--sheet', 'respondents', '--json']));
    expect([b.code, b.stderr]).toEqual([0, '']);
    expect(JSON.parse(b.stdout)).toEqual({ ...JSON.parse(a.stdout), file: book });
    const tabs = [
      '--banner',
      'gender,age_group',
      '--rows',
      'How often do you use WeChat?',
      '--json',
    ];
    const ta = await capture(() => runTabs([DEMO, ...tabs]));
    const tb = await capture(() => runTabs([book, '--sheet', 'Respondents', ...tabs]));
    expect([tb.code, tb.stderr]).toEqual([0, '']);
    expect(JSON.parse(tb.stdout)).toEqual(JSON.parse(ta.stdout));
  });

  it('reads published figures from a sheet, as for their CSV', async () => {
    const a = await capture(() => runInspect([EGUAN, '--json']));
    const b = await capture(() => runInspect([FEATURES, '--sheet', 'Published', '--json']));
    expect(b.code).toBe(0);
    const [ja, jb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(jb.questions).toEqual(ja.questions);
    expect(jb.warnings).toEqual([
      '16 cells are formatted as a percentage: read as the percentage they hold, in full (0.3807 as 38.07%), as published figures are written.',
    ]);
  });

  it('a sheet the workbook does not have is refused on stderr, exit 1', async () => {
    const r = await capture(() => runInspect([FEATURES, '--sheet', 'Figures', '--json']));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `${FEATURES}: The workbook has no sheet "Figures". Its sheets are "Answers", "Published", "Notes": choose one by its name or its position (1 for the first).\n`,
    );
  });

  it('--sheet on a CSV file is refused rather than ignored', async () => {
    const r = await capture(() => runInspect([EGUAN, '--sheet', '1']));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      '--sheet chooses a sheet of an Excel workbook (.xlsx); this file is not one. Leave --sheet out.',
    );
  });

  it('the default sheet is the first visible one: here the "About" sheet, which holds no survey', async () => {
    const r = await capture(() => runInspect([demoWorkbook(), '--json']));
    // One cell, "About": the definition beside the workbook names columns the sheet lacks.
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/which this file does not have\. The file's columns are: "About"/);
    expect(readFileSync(DEMO_DEFINITION, 'utf8')).not.toContain('"sheet"');
  });
});
