// The CLI reads a two-column Option/Percent table as one published question,
// through the same door as the app: inspect prints its bases from rounding and
// intervals, `definition` prints the decision, and --read-as or a definition
// decides it either way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDefinition } from '../../src/cli/definition';
import { inspectFile, runInspect } from '../../src/cli/inspect';
import { parseDefinition } from '../../src/core/definition/definition';
import { capture, removeTempDirs, tempDir, unwrap } from './helpers';

afterAll(removeTempDirs);

const APPS = 'Option,Percent\nQQ,29%\nWeChat,34%\nWeibo,15%\nOther,22%\n';

function appsFile(): string {
  const file = join(tempDir(), 'apps.csv');
  writeFileSync(file, APPS);
  return file;
}

describe('inspect on a two-column table of percents', () => {
  it('prints one published question with the smallest base its figures fit, 41, and no ci without a base', async () => {
    const file = appsFile();
    const r = await capture(() => runInspect([file, '--json']));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = JSON.parse(r.stdout) as {
      format: string;
      questions: {
        text: string;
        kind: string;
        bases: { smallest: number; candidates: number[] };
        ciBase: unknown;
        options: { label: string; ci: unknown }[];
      }[];
      warnings: string[];
    };
    expect(out.format).toBe('distribution');
    const q = out.questions[0]!;
    expect([q.text, q.kind]).toEqual(['apps', 'single']);
    expect(q.bases.smallest).toBe(41);
    expect(q.bases.candidates.slice(0, 4)).toEqual([41, 59, 65, 68]);
    expect(q.ciBase).toBeNull();
    expect(q.options.map((o) => o.ci)).toEqual([null, null, null, null]);
    expect(out.warnings.some((w) => w.includes('--read-as respondents'))).toBe(true);
  });

  it('gives Wilson intervals with --base, as for any published question', async () => {
    const r = unwrap(await inspectFile({ file: appsFile(), multi: [], base: 500 }));
    if (r.format !== 'distribution') throw new Error('read as respondents');
    // R: prop.test(145, 500, correct = FALSE)$conf.int is 0.2519474 0.3312548 (29% of 500).
    expect(r.questions[0]!.options[0]!.ci).toEqual({ low: 25.19, high: 33.13 });
    expect(r.questions[0]!.ciBase).toEqual({ n: 500, from: '--base', deff: 1 });
  });

  it('prints the decision as a definition, and reads its own definition back (sidecar)', async () => {
    const file = appsFile();
    const r = await capture(() => runDefinition([file]));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const printed = unwrap(parseDefinition(r.stdout, 'stdout'));
    expect([printed.content, printed.published]).toEqual([
      'published-question',
      { question: 'apps', publisher: null, date: null, baseN: null },
    ]);
    const edited = { ...printed, published: { ...printed.published, publisher: 'Sootoo' } };
    writeFileSync(file.replace(/\.csv$/, '.json'), JSON.stringify(edited));
    const again = unwrap(await inspectFile({ file, multi: [] }));
    if (again.format !== 'distribution') throw new Error('read as respondents');
    expect(again.survey.publisher).toBe('Sootoo');
    expect(again.warnings.join('\n')).toContain('The date is not known.');
  });

  it('reads the rows as respondents with --read-as respondents, and the definition says so', async () => {
    const file = appsFile();
    const r = unwrap(await inspectFile({ file, multi: [], readAs: 'respondents' }));
    expect(r.format).toBe('respondents');
    if (r.format === 'respondents') expect(r.rowCount).toBe(4);
    const d = await capture(() => runDefinition([file, '--read-as', 'respondents']));
    expect(unwrap(parseDefinition(d.stdout, 'stdout')).content).toBe('respondents');
  });

  it('refuses a --read-as that is neither, and respondent flags on a published question', async () => {
    const file = appsFile();
    const bad = await capture(() => runInspect([file, '--read-as', 'published']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--read-as takes "respondents" or "published-question"');
    const weighted = await capture(() => runInspect([file, '--weight', 'Percent']));
    expect(weighted.code).toBe(1);
    expect(weighted.stderr).toContain('--weight applies to respondent-level data only');
  });

  it('refuses --read-as published-question on a file that is not a table of percents', async () => {
    const file = join(tempDir(), 'people.csv');
    writeFileSync(file, 'Name,Age\nAnn,34\nBen,29\n');
    const r = await capture(() => runInspect([file, '--read-as', 'published-question']));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a two-column table of option labels and percents');
  });
});
