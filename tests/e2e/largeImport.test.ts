// A large CSV through the real file input: 110,000 respondents of the bench
// survey (about 40 MB, above the size where parts of the file are read on
// helper threads). The crosstab shows the counts the engine gives for the same
// bytes in Node; the survey is stored with its large arrays apart in
// IndexedDB, and a reload shows the same table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { banner, crosstab } from '../../src/core/crosstab/crosstab';
import { formatNumber } from '../../src/core/format/number';
import { PARALLEL_MIN_BYTES } from '../../src/core/csv/parallel';
import { loadSurveyFile } from '../../src/core/pipeline';
import { generateSurvey } from '../../perf/generate';
import { browserForFile, openWatched } from './browser';
import { unwrap } from '../support/respondents';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const dir = mkdtempSync(join(tmpdir(), 'sw-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How many values the survey's large arrays occupy in IndexedDB's 'arrays' store. */
async function storedArrays(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('survey-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('arrays').objectStore('arrays').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );
}

/** The crosstab's counts as shown, row by row, without the Total column. */
async function shownCounts(page: Page): Promise<string[][]> {
  const table = page.getByTestId('crosstab-table');
  await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  const rows = await table.locator('tbody tr').all();
  const out: string[][] = [];
  for (const row of rows) out.push((await row.locator('td .count').allInnerTexts()).slice(1));
  return out;
}

describe('a large respondent file', { timeout: 600_000 }, () => {
  it('imports in parts, shows the counts the engine gives, and keeps them across a reload', async () => {
    const survey = generateSurvey(110_000, 17);
    expect(survey.bytes.length).toBeGreaterThan(PARALLEL_MIN_BYTES);
    const path = join(dir, 'large-bench.csv');
    writeFileSync(path, survey.bytes);
    // The truth: the engine on the same bytes, in Node, on one thread.
    const loaded = loadSurveyFile(survey.bytes, { file: 'large-bench.csv' });
    if (!loaded.ok || loaded.value.kind !== 'respondents') throw new Error('did not load');
    const truth = crosstab(loaded.value.table, {
      rows: { questionId: 'Q1' },
      cols: { questionId: 'Q2' },
    });
    if (!truth.ok) throw new Error(truth.error.message);
    const counts = truth.value.counts.map((row) => row.map((n) => n.toLocaleString('en-US')));

    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    await w.page.getByTestId('file-input').setInputFiles(path);
    await w.page.getByTestId('preview').waitFor({ timeout: 60_000 });
    await w.page.getByRole('button', { name: 'Import large-bench.csv' }).click();
    await w.page.getByTestId('question-list').waitFor({ timeout: 300_000 });
    const survey_ = new URLSearchParams((await w.page.evaluate(() => location.hash)).slice(1)).get(
      's',
    );
    const hash = `#v=1&page=crosstab&s=${survey_}&r=Q1&c=Q2&w=-&pct=cases&cnt=1&t=0`;
    await w.page.goto(`${baseUrl}${hash}`);
    const shown = await shownCounts(w.page);
    expect(shown.length).toBe(counts.length);
    expect(shown).toEqual(counts);
    // The first crosstab of a survey is counted on the page, which then sends
    // the crosstab helper its copy of the table in the background.
    const result = w.page.getByTestId('crosstab-result');
    expect(await result.getAttribute('data-counted-with')).toBe('page');

    // The widest multi-answer pair, weighted: counted with the helper, which
    // tallies the second part of the respondents, to the engine's numbers in Node.
    const wide = unwrap(
      banner(loaded.value.table, 'Q20', ['Q24'], { weightId: 'weight' }),
    )[0]!.counts.map((row) => row.map((n) => formatNumber(n, 1)));
    await w.page.waitForTimeout(1_000);
    await w.page.goto(`${baseUrl}#v=1&page=crosstab&s=${survey_}&r=Q20&c=Q24&w=weight&cnt=1&t=0`);
    await w.page.locator('[data-testid="crosstab-result"][data-counted-with="helper"]').waitFor();
    await w.page.getByTestId('crosstab-counting').waitFor({ state: 'detached' });
    expect(await shownCounts(w.page)).toEqual(wide);
    await w.page.goto(`${baseUrl}${hash}`);
    // Each of the 32 large arrays (30 questions, the weight and the id) is a value of its own.
    expect(await storedArrays(w.page)).toBe(32);

    await w.page.reload();
    expect(await shownCounts(w.page)).toEqual(shown);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
