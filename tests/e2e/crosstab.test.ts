// The crosstab builder on the bundled simulated respondents: weighted column
// percents with tests, a filter, and a link that reopens the same table in a
// fresh browser context.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

const tableText = (page: Page) => page.getByTestId('crosstab-table').innerText();

describe('the crosstab builder', () => {
  it('builds a filtered, weighted crosstab whose link reopens the same table in a new browser context', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=survey&s=demo-simulated-wechat-respondents`);
    await w.page.getByRole('link', { name: 'Cross-tabulate these respondents' }).click();
    await w.page.getByTestId('crosstab-table').waitFor();
    await expect(w.page.getByTestId('notice').innerText()).resolves.toBe(
      'Simulated respondents, not real data',
    );

    await w.page.getByLabel('Rows').selectOption('How often do you use WeChat?');
    await w.page.getByLabel('Columns').selectOption('age_group');
    // Kish (Σw)²/Σw², as R computes it from the CSV: 1,112.18 of the 1,500, and per
    // age group 388.99, 431.94, 253.38, 87.86: the bases the letters are tested on.
    expect(await w.page.getByTestId('base-line').innerText()).toMatch(
      /^Base: all respondents, n = 1,500 \(weighted 1,500\.0; effective base 1,112\.2\)/,
    );
    expect(
      await w.page.getByTestId('effective-base-row').locator('th, td').allInnerTexts(),
    ).toEqual(['Effective base', '1,112.2', '389.0', '431.9', '253.4', '87.9']);
    expect(await w.page.getByTestId('test-note').innerText()).toContain(
      "tested on the columns' Kish effective bases",
    );
    expect(await w.page.getByTestId('chi-square').innerText()).toMatch(
      /^Pearson χ² = [\d,.]+, df = 9, p/,
    );
    const headers = await w.page.getByTestId('crosstab-table').locator('thead th').allInnerTexts();
    expect(headers.slice(0, 3)).toEqual(['How often do you use WeChat?', 'Total', '18-24 (A)']);
    // Answers in the order the sidecar gives (as Sootoo published them), not as they first occur.
    const rowLabels = await w.page
      .getByTestId('crosstab-table')
      .locator('tbody th')
      .allInnerTexts();
    expect(rowLabels).toEqual([
      'Many times in a day',
      'One time in a day',
      'One time in few days',
      'One time in a week',
    ]);

    await w.page.getByLabel('Filter on question').selectOption('gender');
    await w.page.getByRole('group', { name: 'Answers to gender' }).getByLabel('Female').check();
    await w.page.getByRole('button', { name: 'Add filter' }).click();
    await w.page.getByTestId('active-filter').waitFor();
    expect(await w.page.getByTestId('active-filter').innerText()).toBe('Filter: gender: Female');
    expect(await w.page.getByTestId('base-line').innerText()).toMatch(/^Base: .*n = [\d,]+/);
    const filteredBase = await w.page.getByTestId('base-line').innerText();
    expect(filteredBase).not.toContain('n = 1,500');
    const original = await tableText(w.page);
    const link = await w.page.getByTestId('share-link').inputValue();
    expect(link).toContain('f=');
    expect(w.errors).toEqual([]);

    const fresh = await openWatched(browserOf(), baseUrl);
    await fresh.page.goto(link);
    await fresh.page.getByTestId('crosstab-table').waitFor();
    expect(await tableText(fresh.page)).toBe(original);
    expect(await fresh.page.getByTestId('base-line').innerText()).toBe(filteredBase);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    await w.context.close();
  });

  it('shows the three multi-answer percents and no chi-square for a multi-answer row question', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    const rows = encodeURIComponent('What is the reason that you started to use WeChat?');
    await w.page.goto(
      `${baseUrl}#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=${rows}&c=gender&w=-&pct=cases`,
    );
    await w.page.getByTestId('crosstab-table').waitFor();
    const modes = await w.page.getByLabel('Percent').locator('option').allInnerTexts();
    expect(modes).toEqual(
      expect.arrayContaining([
        '% of those who answered (chose at least one option)',
        '% of respondents (everyone asked, those who chose none included)',
        '% of responses (all mentions)',
      ]),
    );
    // The engine's reason, said once (not restated in the page's own words).
    const notes = await w.page.getByTestId('crosstab-notes').innerText();
    expect(notes).toContain('No chi-square test: with a multi-answer question');
    expect(notes).not.toContain('Chi-square is not computed');
    expect(await w.page.getByTestId('base-line').innerText()).not.toContain('weighted');
    expect(await w.page.getByTestId('effective-base-row').count()).toBe(0);
    await w.context.close();
  });
});
