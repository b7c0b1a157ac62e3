// Smoke test: every page of the built app opens with no console error, no
// request to another origin, and the library lists every bundled survey.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

describe('the built app', () => {
  it('opens the library, a survey, a question and the flags view without a console error', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByTestId('library-table').waitFor();
    const rows = await w.page.getByTestId('library-table').locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(3);

    await w.page
      .getByRole('link', { name: 'Market share of mobile instant messenger services in China' })
      .first()
      .click();
    await w.page.getByTestId('question-list').waitFor();
    await w.page.locator('[data-question="share"] h3 a').click();
    await w.page.getByTestId('bar-chart').first().waitFor();
    await w.page.getByRole('link', { name: /^Flags/ }).click();
    await w.page.getByTestId('flags-table').waitFor();

    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });
});
