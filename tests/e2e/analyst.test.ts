// Reading published figures like an analyst, in the browser: bases from
// rounding, a typed base and design effect (kept in the link), the interval
// column and the chart's error bars, tests in Compare, and the bounds of
// "how many chose both?"; axe-clean and usable at 390 px.
import { readFile } from 'node:fs/promises';
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, fixture, importFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const USE4 = '#v=1&page=question&s=sootoo-2013-06-wechat-users&q=use4';

/** The interval column's cells, in table order. */
const intervalCells = (page: Page) =>
  page.locator('[data-testid="question-table"] td[data-col="interval"]').allInnerTexts();

/** Serious and critical axe violations, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axe.source });
  }
  const violations = (await page.evaluate(async () => {
    const a = (
      window as unknown as { axe: { run: (c: Document) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await a.run(document)).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('margins of error on a question page', () => {
  it('shows the smallest base 41 for 29/34/15/22%, then a typed base and design effect, kept in the link', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${USE4}`);
    await w.page.getByTestId('question-table').waitFor();

    const bases = await w.page.getByTestId('bases').innerText();
    expect(bases).toContain(
      'These figures fit a base of 41, 59, 65, 68, 73, 79, 80, 82, 85, 86, …',
    );
    expect(bases).toContain('They cannot come from fewer than 41 people');
    expect(await w.page.getByTestId('interval-base').innerText()).toBe(
      'Intervals use the smallest base these figures fit, 41: the margins are at most ±15.3 points (a larger base gives smaller margins).',
    );
    // wilsonPercent(29, 41) = 17.40–44.20, and so on.
    expect(await intervalCells(w.page)).toEqual([
      '17.4–44.2',
      '21.4–49.3',
      '7.1–28.9',
      '12.0–36.8',
    ]);
    // One error bar per bar, hidden from assistive technology (the table is the alternative).
    const whiskers = w.page.locator('[data-testid="bar-chart"] g.whisker');
    expect(await whiskers.count()).toBe(4);
    expect(await whiskers.first().getAttribute('aria-hidden')).toBe('true');
    const spanAt41 = await whiskers.first().evaluate((g) => g.getBoundingClientRect().width);

    await w.page.getByLabel('Base (respondents)').fill('500');
    await w.page.getByLabel('Design effect').fill('1.5');
    await w.page.getByLabel('Design effect').press('Enter');
    await w.page.waitForFunction(() => window.location.hash.includes('base=500'));
    expect(new URL(w.page.url()).hash).toBe(`${USE4}&base=500&deff=1.5`);
    expect(await w.page.getByTestId('interval-base').innerText()).toBe(
      'Intervals use the base you typed, 500. With a design effect of 1.5, the effective base is 500 ÷ 1.5 = 333.3.',
    );
    // wilsonPercent(29, 500, 1.5) = 24.39–34.09 (as 333.3 respondents).
    expect(await intervalCells(w.page)).toEqual([
      '24.4–34.1',
      '29.1–39.2',
      '11.6–19.2',
      '17.9–26.8',
    ]);
    // Narrower whiskers for a larger base.
    const spanAt333 = await whiskers.first().evaluate((g) => g.getBoundingClientRect().width);
    expect(spanAt333).toBeLessThan(spanAt41 / 2);

    // The link reopens the same view in a fresh page: inputs and intervals alike.
    const link = w.page.url();
    const other = await openWatched(browserOf(), baseUrl);
    await other.page.goto(link);
    await other.page.getByTestId('question-table').waitFor();
    expect(await other.page.getByLabel('Base (respondents)').inputValue()).toBe('500');
    expect(await other.page.getByLabel('Design effect').inputValue()).toBe('1.5');
    expect(await intervalCells(other.page)).toEqual([
      '24.4–34.1',
      '29.1–39.2',
      '11.6–19.2',
      '17.9–26.8',
    ]);
    await other.context.close();

    // Back returns to the smallest base, and the form shows it.
    await w.page.goBack();
    await w.page.waitForFunction(() => !window.location.hash.includes('base='));
    expect(await w.page.getByLabel('Base (respondents)').inputValue()).toBe('');
    expect(await intervalCells(w.page)).toEqual([
      '17.4–44.2',
      '21.4–49.3',
      '7.1–28.9',
      '12.0–36.8',
    ]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('refuses a base that is not a whole number of people, says why, and leaves the link alone', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${USE4}`);
    await w.page.getByTestId('question-table').waitFor();
    const input = w.page.getByLabel('Base (respondents)');
    await input.fill('12.5');
    await w.page.getByRole('button', { name: 'Apply' }).click();
    expect(await w.page.getByRole('alert').innerText()).toBe(
      '"12.5" is not a base: type a whole number of respondents from 1 to 10,000,000, or leave it empty.',
    );
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(w.page.url()).hash).toBe(USE4);
    await w.context.close();
  });

  it('uses the base a file states (1,200 respondents in 2023) and tests the waves against each other', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await importFile(w.page, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    await w.page.getByRole('link', { name: 'How do you usually get to work?' }).first().click();
    await w.page.getByTestId('question-table').first().waitFor();
    const lines = await w.page.getByTestId('interval-base').allInnerTexts();
    expect(lines).toEqual([
      'Intervals use the stated base of 1,200 respondents.',
      'Intervals use the stated base of 1,150 respondents.',
    ]);
    // Car, 41% of 1,200: Wilson 38.25–43.81.
    expect((await intervalCells(w.page))[0]).toBe('38.3–43.8');
    // Car 38% of 1,150 against 41% of 1,200: z = −1.49, p = 0.137.
    const tests = await w.page.getByTestId('compare-test').allInnerTexts();
    expect(tests[0]).toBe('not significant (p = 0.137)');
    expect(await w.page.getByTestId('compare-tests').innerText()).toContain(
      'Differences are tested',
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('margins of error on weighted respondent data', () => {
  it("uses Kish's effective base, 1,112.2 of the demo's 1,500 respondents, and a design effect on top", async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const page = `${baseUrl}#v=1&page=question&s=demo-simulated-wechat-respondents&q=${encodeURIComponent('How often do you use WeChat?')}`;
    await w.page.goto(page);
    await w.page.getByTestId('question-table').waitFor();
    expect(await w.page.getByTestId('interval-base').innerText()).toBe(
      'Intervals use the effective base of 1,112.2 of 1,500 respondents (Kish), weighted by weight: weighting costs precision.',
    );
    // Many times in a day, 36.3% of n_eff = 1,112.2: Wilson 33.5–39.2 (33.9–38.8 on the plain 1,500).
    expect(await intervalCells(w.page)).toEqual([
      '33.5–39.2',
      '24.7–29.9',
      '18.8–23.6',
      '13.4–17.6',
    ]);
    await w.page.getByLabel('Design effect').fill('1.5');
    await w.page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => w.page.getByTestId('interval-base').innerText())
      .toContain(
        "The design effect of 1.5 is applied on top of the weighting's: 1,112.2 ÷ 1.5 = 741.5.",
      );
    expect((await intervalCells(w.page))[0]).toBe('32.9–39.8');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('has no base to type on respondent data: it says which base is used, and Apply drops a base a link holds', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const page = `${baseUrl}#v=1&page=question&s=demo-simulated-wechat-respondents&q=${encodeURIComponent('How often do you use WeChat?')}`;
    await w.page.goto(`${page}&base=500`);
    await w.page.getByTestId('question-table').waitFor();
    expect(await w.page.getByTestId('base-note').innerText()).toBe(
      "Base: Kish's effective base of the respondents who answered each question, weighted by weight, counted from the data (no base to type).",
    );
    expect(await w.page.getByLabel('Base (respondents)').count()).toBe(0);
    expect(await w.page.getByTestId('interval-base').innerText()).toContain(
      'The base you typed, 500, is not used: respondent data states its own.',
    );
    await w.page.getByLabel('Design effect').fill('1.5');
    await w.page.getByRole('button', { name: 'Apply' }).click();
    await w.page.waitForFunction(() => window.location.hash.includes('deff=1.5'));
    expect(new URL(w.page.url()).hash).not.toContain('base=');
    expect(await w.page.getByTestId('interval-base').innerText()).not.toContain('you typed');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('exports with intervals', () => {
  it('writes the interval ends and the base they use into the CSV and the chart SVG', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${USE4}&base=500&deff=1.5`);
    await w.page.getByTestId('bar-chart').waitFor();
    const [csvFile] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Export table (CSV)' }).click(),
    ]);
    const csv = (await readFile(await csvFile.path())).toString('utf8');
    expect(csv).toContain(
      'Wilson 95% intervals. Intervals use the base you typed, 500. Design effect 1.5: effective base 333.3.',
    );
    expect(csv).toContain('Option,Percent,95% low,95% high\n');
    // wilsonPercent(29, 500, 1.5) = 24.39–34.09.
    expect(csv).toContain('Less than 5 minutes,29%,24.39,34.09\n');
    const [svgFile] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Export chart (SVG)' }).click(),
    ]);
    const svg = (await readFile(await svgFile.path())).toString('utf8');
    expect(svg).toContain('Intervals use the base you typed, 500.');
    expect(svg.match(/class="whisker"/g)).toHaveLength(4);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('Compare with and without bases', () => {
  it('says Eguan’s segments are not testable without a base, and marks QQ and WeChat with a typed base of 1,000, but not with a design effect of 2 on top', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const eguan = '#v=1&page=question&s=eguan-2013-07-mobile-im-share&q=share';
    await w.page.goto(`${baseUrl}${eguan}`);
    await w.page.getByTestId('compare-table').waitFor();
    expect(await w.page.getByTestId('compare-test').count()).toBe(0);
    expect(await w.page.getByTestId('compare-table').innerText()).toContain(
      'Not testable without a base.',
    );

    await w.page.goto(`${baseUrl}${eguan}&base=1000`);
    await w.page.getByTestId('compare-test').first().waitFor();
    const rows = await w.page
      .locator('[data-testid="compare-table"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('[data-testid="compare-test"]')?.textContent ?? '',
        ]),
      );
    // QQ 42.54% vs 38.07% of 1,000 each: z = 2.04, p = 0.042; WeChat 23.38% vs 27.97%: p = 0.019.
    expect(rows.slice(0, 3)).toEqual([
      ['QQ (Tencent)', 'significant (p = 0.042)'],
      ['WeChat (Tencent)', 'significant (p = 0.019)'],
      ['Feixin (China Mobile)', 'not significant (p = 0.675)'],
    ]);

    // A design effect of 2 halves both bases, as it does the margins': QQ at 500 each has
    // z = 1.44, p = 0.150; WeChat z = 1.66, p = 0.097.
    await w.page.goto(`${baseUrl}${eguan}&base=1000&deff=2`);
    await w.page.getByText('divided by the design effect of 2').waitFor();
    expect(
      await w.page
        .locator('[data-testid="compare-test"]')
        .evaluateAll((tds) => tds.slice(0, 2).map((td) => td.textContent)),
    ).toEqual(['not significant (p = 0.150)', 'not significant (p = 0.097)']);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('how many chose both?', () => {
  it('bounds two options of a multi-answer question: leisure 61.29% and the wisdom of living 41.49%', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=oa2`);
    await w.page.getByTestId('bounds').waitFor();
    await w.page.getByLabel('First option').selectOption({ label: 'For leisure and hobby' });
    await w.page
      .getByLabel('Second option')
      .selectOption({ label: 'For getting the wisdom of living' });
    expect(await w.page.getByTestId('pair-bounds').innerText()).toContain(
      'Between 2.78% and 41.49% chose both "For leisure and hobby" and "For getting the wisdom of living"; between 61.29% and 100.00% chose either (or both).',
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('shows the crosstab of two one-answer questions as ranges, axe-clean and usable at 390 px', async () => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.setViewportSize({ width: 390, height: 844 });
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=use3&base=800`);
    await w.page.getByTestId('bounds').waitFor();
    await w.page
      .getByLabel('Cross with another one-answer question of this survey')
      .selectOption({ label: 'How many hours do you use WeChat at one time?' });
    const grid = w.page.getByTestId('cross-bounds');
    await grid.waitFor();
    expect(await grid.locator('caption').innerText()).toMatch(
      /^Bounds from the marginals, not estimates/,
    );
    // "One time in a day" 27.17% × "6 to 15 minutes" 34%: 0 to 27.17% of all respondents.
    expect(await grid.locator('tbody tr').nth(1).locator('td').nth(1).innerText()).toBe(
      '0.00–27.17%',
    );
    expect(await axeProblems(w.page)).toEqual([]);
    expect(
      await w.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0),
    ).toBeLessThanOrEqual(390);
    // The interval column and the error bars are there on a phone too.
    expect(await intervalCells(w.page)).toHaveLength(4);
    expect(await w.page.locator('[data-testid="bar-chart"] g.whisker').count()).toBe(4);

    // August q3 prints "30+%": no interval, with the reason for screen readers, still no sideways scroll.
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-08-official-accounts&q=q3`);
    await w.page.getByTestId('question-table').waitFor();
    const cells = await w.page
      .locator('[data-testid="question-table"] td[data-col="interval"]')
      .allTextContents();
    expect(cells[2]).toBe(
      '—No interval: 30+% is a lower bound, so the figure itself is not known.',
    );
    expect(await w.page.locator('.table-footnote').innerText()).toContain('— : no interval');
    expect(
      await w.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0),
    ).toBeLessThanOrEqual(390);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('has no serious axe violation on a question page with its bases, intervals and bounds at 1280 px', async () => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=oa2&deff=2`);
    await w.page.getByTestId('bounds').waitFor();
    await w.page.getByLabel('First option').selectOption({ index: 1 });
    await w.page.getByLabel('Second option').selectOption({ index: 2 });
    await w.page.getByTestId('pair-bounds').locator('li').first().waitFor();
    expect(await axeProblems(w.page)).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
