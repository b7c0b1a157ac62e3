// Each bundled survey opens in the browser and shows the totals and flag notes
// the engine computes from the published figures.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

async function openSurvey(page: Page, id: string) {
  await page.goto(`${baseUrl}#v=1&page=survey&s=${id}`);
  await page.getByTestId('question-list').waitFor();
}

const totalOf = (page: Page, q: string, segment = '') =>
  page
    .locator(`[data-question="${q}"] [data-segment="${segment}"] [data-testid="total"]`)
    .innerText();
const flagsOf = (page: Page, q: string) =>
  page
    .locator(`[data-question="${q}"] [data-flag]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')));

describe('bundled surveys in the browser', () => {
  it('shows Sootoo June 2013 totals and flags as published', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await openSurvey(w.page, 'sootoo-2013-06-wechat-users');
    expect(await totalOf(w.page, 'use1')).toBe('Total 92.97%');
    expect(await flagsOf(w.page, 'use1')).toEqual(['single-total-short', 'partial-list']);
    expect(await totalOf(w.page, 'use3')).toBe('Total 100.00%');
    expect(await flagsOf(w.page, 'use3')).toEqual([]);
    expect(await totalOf(w.page, 'use4')).toBe('Total 100%');
    expect(await totalOf(w.page, 'oa2')).toBe('Total 232.89%');
    const oa2 = await w.page.locator('[data-question="oa2"]').innerText();
    expect(oa2).toContain(
      'Multiple answers allowed: totals exceed 100% (2.33 answers per respondent on average)',
    );
    expect(await totalOf(w.page, 'oa4')).toBe('No figures');
    expect(await flagsOf(w.page, 'oa4')).toEqual(['no-data']);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('shows Sootoo August 2013 lower bound, partial ranks and the subgroup base', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await openSurvey(w.page, 'sootoo-2013-08-official-accounts');
    expect(await totalOf(w.page, 'q2')).toBe('Total 100.0%');
    expect(await totalOf(w.page, 'q3')).toBe('Total at least 160.2%');
    expect(await flagsOf(w.page, 'q3')).toEqual(
      expect.arrayContaining(['lower-bound', 'partial-list', 'multi-total-over-100']),
    );
    expect(await flagsOf(w.page, 'q5')).toEqual(
      expect.arrayContaining(['subgroup-base', 'partial-list']),
    );
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('shows Eguan shares among registered and among active users, each adding to 100%', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await openSurvey(w.page, 'eguan-2013-07-mobile-im-share');
    expect(await totalOf(w.page, 'share', 'Registered users')).toBe('Total 100.00%');
    expect(await totalOf(w.page, 'share', 'Active users')).toBe('Total 100.00%');
    expect(await flagsOf(w.page, 'share')).toEqual([]);
    await w.context.close();
  });

  it('draws a multi-answer question as bars with the note, and computes a net as a range', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=oa1`);
    await w.page.getByTestId('bar-chart').waitFor();
    expect(await w.page.locator('[data-testid="bar-chart"] rect.bar').count()).toBe(5);
    expect(await w.page.getByTestId('bar-chart').textContent()).toContain(
      '1.34 answers per respondent',
    );
    await w.page.getByLabel('Include "Leisure and Life" in a net').check();
    await w.page.getByLabel('Include "Famous person and star" in a net').check();
    await w.page.getByRole('button', { name: 'Make a net of 2 selected' }).click();
    const net = w.page.getByTestId('net-row');
    await net.waitFor();
    expect(await net.innerText()).toContain('42.29%–78.41%');
    expect(w.page.url()).toContain('net=0.3');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('sorts bars by value and keeps each percent as printed', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=sootoo-2013-06-wechat-users&q=use3`);
    await w.page.getByTestId('bar-chart').waitFor();
    // Sorting by value keeps the four bars and their printed percents.
    await w.page.getByRole('button', { name: 'By value' }).click();
    const labels = await w.page.locator('[data-testid="bar-chart"] .bar-value').allTextContents();
    expect(labels).toEqual(['36.23%', '27.17%', '21.24%', '15.36%']);
    await w.context.close();
  });

  it('compares Eguan registered and active shares in points and index, and adds another report as a column', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}#v=1&page=question&s=eguan-2013-07-mobile-im-share&q=share`);
    const table = w.page.getByTestId('compare-table');
    await table.waitFor();
    const qq = await table
      .locator('tbody tr', { hasText: 'QQ (Tencent)' })
      .locator('td')
      .allInnerTexts();
    expect(qq).toEqual(['38.07%', '42.54%', '+4.47', '111.7']);
    await w.page
      .getByLabel('Add a column from another question')
      .selectOption('sootoo-2013-06-wechat-users:use3');
    await w.page.waitForURL(/cmp=sootoo-2013-06-wechat-users%3Ause3/);
    const headers = await table.locator('thead tr').first().locator('th').allInnerTexts();
    expect(headers).toContain('Sootoo Research, June 2013');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
