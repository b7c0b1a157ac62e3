// Focus after a control does its work: the button pressed may be gone, and
// focus must move on to the new or next control, never fall back to <body>.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

const CROSSTAB = `#v=1&page=crosstab&s=demo-simulated-wechat-respondents&r=${encodeURIComponent(
  'Which type of official accounts do you follow?',
)}&c=age_group`;

/** What has focus: its tag and accessible name (aria-label or text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '';
    return `${el.tagName.toLowerCase()}: ${name.trim()}`;
  });

describe('focus', () => {
  it('moves on to the question picker after Add filter and after removing a filter', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${CROSSTAB}`);
    await w.page.getByTestId('crosstab-table').waitFor();
    await w.page.getByLabel('Filter on question').selectOption('gender');
    await w.page.getByRole('group', { name: 'Answers to gender' }).getByLabel('Female').check();
    await w.page.getByRole('button', { name: 'Add filter' }).click();
    await w.page.getByTestId('active-filter').waitFor();
    expect(await focused(w.page)).toBe('select: Filter on question');
    await w.page.getByRole('button', { name: /^Remove filter/ }).click();
    await w.page.getByTestId('active-filter').waitFor({ state: 'detached' });
    expect(await focused(w.page)).toBe('select: Filter on question');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('moves into the net panel when it opens and back to its button when it closes', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(`${baseUrl}${CROSSTAB}`);
    await w.page.getByTestId('crosstab-table').waitFor();
    const opener = w.page.getByRole('button', { name: 'Add a net on the rows…' });
    await opener.click();
    // Into the panel: its first control ("chose any of" on a multi-answer question).
    expect(await focused(w.page)).toMatch(/^input/);
    await w.page.keyboard.press('Escape');
    expect(await focused(w.page)).toBe('button: Add a net on the rows…');

    // "Chose all of": respondents who follow all three kinds of accounts.
    await opener.click();
    await w.page.getByLabel('chose all of').check();
    for (const label of ['Famous person and star', 'Leisure and Life', 'Other'])
      await w.page.getByRole('group').getByLabel(label, { exact: true }).last().check();
    await w.page.getByRole('button', { name: 'Add net' }).click();
    expect(await focused(w.page)).toBe('button: Add a net on the rows…');
    const rows = await w.page.getByTestId('crosstab-table').locator('tbody th').allInnerTexts();
    expect(rows.at(-1)).toBe('All of: Famous person and star & Leisure and Life & Other');
    expect(await w.page.getByTestId('share-link').inputValue()).toContain('rn=0.1.2a');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it('returns to "Import a file…" when the import panel is closed', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByTestId('library-table').waitFor();
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    await w.page.getByTestId('import-panel').waitFor();
    expect(await focused(w.page)).toBe('h2: Import a survey file');
    await w.page.getByRole('button', { name: 'Close' }).click();
    await w.page.getByTestId('import-panel').waitFor({ state: 'detached' });
    expect(await focused(w.page)).toBe('button: Import a file…');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
