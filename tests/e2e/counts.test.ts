// Tables of counts and pasted report tables in the browser: a typed 2 × 3
// table shows R's chi-square and the crosstab's letters and travels in the
// link; a two-column Option/Percent table pasted into the import area becomes
// one published question through a short form; both pages are axe-clean at
// 1400 and 390 px and never scroll sideways.
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

// tests/fixtures/reference/counts-reference.json, first case: R's chisq.test(correct = FALSE)
// gives X-squared = 26.9736 on 2 df, p = 1.39e-06; letters C, C / AB.
const TABLE = 'Uses WeChat daily\t18-24\t25-34\t35+\nDaily\t62\t48\t25\nNot daily\t18\t32\t45';
const PASTED = 'Option\tPercent\nWeChat\t45%\nQQ\t30%\nOther\t25%';

async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (d: Document) => Promise<unknown> } }).axe;
    return ((await run.run(document)) as { violations: unknown[] }).violations;
  })) as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function pasteIntoImport(page: Page, text: string) {
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await page.getByLabel('Paste a table').fill(text);
  await page.getByRole('button', { name: 'Use the pasted table' }).click();
  await page.getByTestId('pasted-question-form').waitFor();
}

describe('the table of counts page', () => {
  it('shows the chi-square, letters and intervals of a typed 2 × 3 table, and keeps it in the link', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#`);
    await w.page.getByRole('link', { name: 'Analyse a table of counts…' }).click();
    const box = w.page.getByLabel(/^Table \(tab-, comma- or semicolon-separated/);
    await box.fill(TABLE);
    await box.blur();
    const table = w.page.getByTestId('counts-table');
    await table.waitFor();
    expect(await w.page.getByTestId('counts-chi-square').innerText()).toBe(
      'Chi-square: 26.974 with 2 degrees of freedom, p < 0.001',
    );
    expect(await table.locator('thead th').allInnerTexts()).toEqual([
      'Uses WeChat daily',
      '18-24 (A)',
      '25-34 (B)',
      '35+ (C)',
    ]);
    // 62 of 80 = 77.5% (67.2–85.3%) and 48 of 80 are higher than 25 of 70; 45 of 70 is higher than both.
    const daily = table.locator('tbody tr').first().locator('td');
    expect(await daily.first().innerText()).toBe('77.5% C\nn = 62\n67.2–85.3%');
    expect(await table.locator('tbody tr').nth(1).locator('sup').allInnerTexts()).toEqual([' AB']);
    expect(await w.page.getByTestId('counts-base-row').innerText()).toBe('Base (n)\t80\t80\t70');

    // The link carries the table: a fresh browser opens the same figures.
    const url = w.page.url();
    expect(new URL(url).hash).toContain('ct=');
    const fresh = await openWatched(browserOf(), baseUrl);
    await fresh.page.goto(url);
    expect(await fresh.page.getByTestId('counts-chi-square').innerText()).toBe(
      'Chi-square: 26.974 with 2 degrees of freedom, p < 0.001',
    );

    // A mistake names its row and column and what to do.
    await box.fill('x,A,B\nYes,1,two\nNo,3,4');
    expect(await w.page.getByTestId('counts-error').innerText()).toBe(
      'Row 2, column 3 ("B"): "two" is not a count. Type a whole number of respondents, such as 42 or 1,234 (thousands separators are fine).',
    );
    expect(w.errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    await w.context.close();
  });

  it('exports the table through the CSV writer, reconstructed counts unrounded', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=counts`);
    const box = w.page.getByLabel(/^Table \(tab-, comma- or semicolon-separated/);
    await box.fill(';Men;Women\nYes;45%;38%\nNo;55%;62%\nBase;211;189');
    const [download] = await Promise.all([
      w.page.waitForEvent('download'),
      w.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Table of counts.csv');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    expect(csv).toContain('\nYes,Count,94.95,71.82\n');
    expect(csv).toContain('"Chi-square: 2.010 with 1 degree of freedom, p = 0.156"');
    await w.context.close();
  });
});

describe('a report table pasted into the import area', () => {
  it('becomes one published question through the form, with its percents and kind', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#`);
    await w.page.getByTestId('library-table').waitFor();
    await pasteIntoImport(w.page, PASTED);
    expect(await w.page.getByTestId('pasted-reason').innerText()).toContain(
      'Two columns, labels and 3 percents (total 100%): one published question, not respondents.',
    );
    // No respondent import is offered while the form is shown.
    expect(await w.page.getByRole('button', { name: /^Import pasted table/ }).count()).toBe(0);
    // The kind is proposed from the total (100%): single.
    expect(await w.page.getByLabel('One answer each (single)').isChecked()).toBe(true);

    // Saving without a wording is refused on the field.
    await w.page.getByRole('button', { name: 'Save to the library' }).click();
    expect(await w.page.locator('.field-problem').innerText()).toBe(
      'Type the question wording: it names the question in the library.',
    );
    await w.page.getByLabel('Question wording').fill('Which messaging app do you use most?');
    await w.page.getByLabel('Publisher (optional)').fill('Example Research');
    await w.page.getByLabel(/^Date/).fill('2024-05');
    await w.page.getByLabel(/^Base n/).fill('1,200');
    await w.page.getByRole('button', { name: 'Save to the library' }).click();

    // The survey page of the new published survey: one single-answer question, declared.
    const list = w.page.getByTestId('question-list');
    await list.waitFor();
    expect(await list.locator('[data-kind]').first().getAttribute('data-kind')).toBe('single');
    expect(await list.innerText()).toContain('Which messaging app do you use most?');
    await list.locator('h3 a').first().click();
    const table = w.page.getByTestId('question-table').first();
    await table.waitFor();
    const text = await table.innerText();
    for (const [label, percent] of [
      ['WeChat', '45%'],
      ['QQ', '30%'],
      ['Other', '25%'],
    ])
      expect(text).toMatch(new RegExp(`${label}\\s+${percent}`));

    // In the library, under its publisher and date, and still there after a reload.
    await w.page.goto(`${baseUrl}#`);
    await w.page.reload();
    const row = w.page
      .getByTestId('library-table')
      .locator('tr', { hasText: 'Which messaging app do you use most?' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Example Research\s+May 2024/);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('proposes several answers each for a total over 100%, and can still be read as respondent data', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#`);
    await w.page.getByTestId('library-table').waitFor();
    await pasteIntoImport(w.page, 'App,Share\nWeChat,81%\nQQ,52%\nWeibo,30%');
    expect(await w.page.getByLabel('Several answers each (multi)').isChecked()).toBe(true);
    await w.page.getByRole('button', { name: 'Read it as respondent data instead' }).click();
    await w.page.getByTestId('preview-schema').waitFor();
    expect(await w.page.getByTestId('pasted-question-form').count()).toBe(0);
    expect(await w.page.getByTestId('shape-reason').innerText()).toBe('chosen by you');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe.each([
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
])('at $width px', ({ width, height }) => {
  it('the counts page and the pasted-question form have no serious axe violation and no sideways scroll', async () => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    await w.page.setViewportSize({ width, height });
    const problems: string[] = [];
    const check = async (name: string) => {
      await w.page.waitForTimeout(150);
      for (const line of await axeProblems(w.page)) problems.push(`${name}: ${line}`);
      const scroll = await w.page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      if (scroll > width) problems.push(`${name}: the page is ${scroll} px wide at ${width} px`);
    };
    await w.page.goto(`${baseUrl}#v=1&page=counts`);
    await w.page.getByRole('button', { name: 'Use an example' }).click();
    await w.page.getByTestId('counts-table').waitFor();
    await check('counts page');
    await w.page.getByLabel(/^Table \(tab-, comma- or semicolon-separated/).fill('x,A\nYes,two');
    await w.page.getByTestId('counts-error').waitFor();
    await check('counts page with an error');
    await w.page.goto(`${baseUrl}#`);
    await w.page.getByTestId('library-table').waitFor();
    await pasteIntoImport(w.page, PASTED);
    await w.page.getByRole('button', { name: 'Save to the library' }).click();
    await w.page.locator('.field-problem').waitFor();
    await check('pasted-question form with a problem');
    expect(problems).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
