// Exports carry the title, question, base, notes and source; the chart exports
// as a standalone SVG and a PNG; the crosstab exports as CSV.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).first().click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe('exports', () => {
  it('exports a multi-answer question as CSV, SVG and PNG with its note and source', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=oa2`);
    await w.page.getByTestId('bar-chart').waitFor();

    const csv = await download(w.page, 'Export table (CSV)');
    const text = csv.bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(csv.name).toMatch(/\.csv$/);
    expect(text).toContain('The behavior analysis of WeChat users');
    expect(text).toContain('Question: Why are you following the official accounts?');
    expect(text).toContain(
      'Multiple answers allowed: totals exceed 100% (2.33 answers per respondent on average)',
    );
    expect(text).toContain('For leisure and hobby,61.29%');
    expect(text).toMatch(/Source: .*Sootoo Research/);

    const svg = (await download(w.page, 'Export chart (SVG)')).bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml [^>]*>\n<svg /);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('Why are you following the official accounts?');
    expect(svg).toContain('2.33 answers per respondent');
    expect(svg).toContain('61.29%');
    expect(svg).not.toContain('<script');

    const png = await download(w.page, 'Export chart (PNG)');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('exports a filtered crosstab as CSV with its filter, base and test note', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const rows = encodeURIComponent('How often do you use WeChat?');
    await w.page.goto(
      `${baseUrl}#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=${rows}&c=age_group&f=0%3Agender`,
    );
    await w.page.getByTestId('crosstab-table').waitFor();
    const text = (await download(w.page, 'Export CSV')).bytes.toString('utf8');
    expect(text).toContain('Simulated respondents, not real data');
    expect(text).toMatch(/Filter: gender: (Female|Male)/);
    expect(text).toMatch(/Base: respondents where/);
    // Women: Kish's effective bases, the total as the base line gives it (effective base 428.1).
    expect(text).toContain('effective base 428.1');
    expect(text).toContain('\nEffective base,Count,428.1,142.0,180.3,96.1,29.5\n');
    expect(text).toContain('Bonferroni');
    await w.context.close();
  });

  it('names each segment its own file, says a note once and carries the simulated-data notice', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=eguan-2013-07-mobile-im-share&q=share`);
    await w.page.getByTestId('bar-chart').first().waitFor();
    const names: string[] = [];
    for (const section of await w.page.locator('section.series[data-segment]').all()) {
      const segment = await section.getAttribute('data-segment');
      if (!segment) continue;
      const [file] = await Promise.all([
        w.page.waitForEvent('download'),
        section.getByRole('button', { name: 'Export table (CSV)' }).click(),
      ]);
      names.push(file.suggestedFilename());
      const text = (await readFile(await file.path())).toString('utf8');
      // The source names Eguan once.
      expect(text).not.toMatch(/Source: Eguan, [^\n]*, Eguan/);
    }
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/ - Registered users\.csv$/);
    expect(names[1]).toMatch(/ - Active users\.csv$/);
    expect(names.some((n) => / \.csv$/.test(n))).toBe(false);

    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-08-official-accounts&q=q3`);
    await w.page.getByTestId('bar-chart').waitFor();
    const q3 = await download(w.page, 'Export table (CSV)');
    expect(q3.name).toBe(
      'User analytics of WeChat official accounts - What type of the official account have you followed.csv',
    );
    const text = q3.bytes.toString('utf8');
    expect(text.match(/ranks 4, 6, 7 and 8 are not published/gi)).toHaveLength(1);

    await w.page.goto(
      `${baseUrl}#v=1&page=question&s=demo-simulated-wechat-respondents&q=${encodeURIComponent('Which type of official accounts do you follow?')}`,
    );
    await w.page.getByTestId('bar-chart').waitFor();
    const svg = (await download(w.page, 'Export chart (SVG)')).bytes.toString('utf8');
    expect(svg).toContain('Simulated respondents, not real data');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
