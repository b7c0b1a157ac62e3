// What a first visit really downloads, against what the bundle budget counts
// (perf/bundle.ts): the scripts the browser fetches before the page is shown
// are the initial files the budget sums, no worker starts, and the bundled
// surveys arrive as one JSON file, not as files the page parses.
import { relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { initialFiles } from '../../perf/bundle';
import { browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const dist = process.env.SW_DIST ?? 'dist';

/** The budget's initial files, as paths in the site ("assets/index-….js"). */
const counted = () =>
  [...initialFiles(dist)].map((p) => relative(dist, p).split('\\').join('/')).sort();

async function firstVisit(hash: string, ready: string) {
  const w = await openWatched(browserOf(), baseUrl);
  const fetched: string[] = [];
  const workers: string[] = [];
  w.page.on('request', (req) => fetched.push(new URL(req.url()).pathname.replace(/^\//, '')));
  w.page.on('worker', (worker) => workers.push(worker.url()));
  await w.page.goto(`${baseUrl}${hash}`);
  await w.page.getByTestId(ready).waitFor();
  // Let anything the page starts once it is shown (idle work, a worker) begin.
  await w.page.waitForTimeout(500);
  return { w, fetched, workers, scripts: fetched.filter((f) => f.endsWith('.js')).sort() };
}

describe('a first visit', () => {
  it('to the library fetches exactly the scripts the bundle budget counts, and starts no worker', async () => {
    const { w, fetched, workers, scripts } = await firstVisit('', 'library-table');
    expect(await w.page.getByTestId('library-table').locator('tbody tr').count()).toBe(4);
    expect(scripts).toEqual(counted());
    expect(workers).toEqual([]);
    expect(fetched.filter((f) => f.endsWith('.json'))).toEqual([
      expect.stringMatching(/^assets\/bundled-surveys-[\w-]+\.json$/),
    ]);
    expect(fetched.filter((f) => f.endsWith('.csv'))).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });

  it("to a bundled respondent survey's question shows its weighted figures without a worker", async () => {
    const { w, workers, scripts } = await firstVisit(
      '#v=1&page=question&s=demo-simulated-wechat-respondents&q=gender',
      'bar-chart',
    );
    // The question page is part of the first chunk: nothing past the budget's files was needed.
    expect(scripts.filter((s) => !counted().includes(s))).toEqual([]);
    expect(workers).toEqual([]);
    expect(await w.page.getByTestId('bar-chart').textContent()).toContain('Female');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
