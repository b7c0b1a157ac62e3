// Issue #14, round two, in the browser: a U+202E label is shown in its own
// isolate and cannot turn the app's sentences around; a survey carried in a
// link is not written to the recipient's library until they keep it; two tabs
// of one library keep in step (a rename never brings back a survey the other
// tab deleted, undo never overwrites the other tab's rename).
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, fixture, importFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

const RLO = '\u202E';
const FSI = '\u2068';
const PDI = '\u2069';
const HAND_WRITTEN = 'Commuting habits (hand-written example)';

/** A published file whose title, question and first option hold U+202E. */
const SPOOF_CSV = [
  'survey,question_id,question,option,percent',
  `${RLO}gnp.exe survey,q1,${RLO}gnp.exe question,${RLO}gnp.exe,60%`,
  ',,,Other,40%',
  '',
].join('\n');

/**
 * The left edge, on screen, of the first `text` inside `selector` (within one
 * text node): how the text is displayed, not how it is stored.
 */
async function xOf(page: Page, selector: string, text: string): Promise<number> {
  return page.evaluate(
    ({ selector, text }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.textContent ?? '').indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        return range.getBoundingClientRect().x;
      }
      throw new Error(`no "${text}" in ${selector}`);
    },
    { selector, text },
  );
}

/** The surveys stored in this browser's IndexedDB, read directly. */
async function storedSurveys(page: Page): Promise<{ id: string; name: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; name: string }[]>((resolve, reject) => {
        const open = indexedDB.open('survey-workbench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('surveys')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('surveys').objectStore('surveys').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as { id: string; name: string }[]).map(({ id, name }) => ({ id, name })),
            );
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import a file…' }).click();
  await page
    .getByTestId('file-input')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('preview').waitFor();
  await page.getByRole('button', { name: `Import ${name}` }).click();
  await page.getByTestId('question-list').waitFor();
}

describe('bidirectional text', () => {
  it("shows a U+202E label in its own isolate, and the app's sentences after it in order", async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await importText(w.page, 'spoof.csv', SPOOF_CSV);

    // The survey page: the title and question are <bdi> elements holding the override.
    const heading = w.page.locator('main h2 bdi').first();
    expect(await heading.textContent()).toBe(`${RLO}gnp.exe survey`);
    expect(await w.page.locator('[data-testid="question-list"] h3 bdi').textContent()).toBe(
      `${RLO}gnp.exe question`,
    );

    // The chart: the label is isolated in the SVG text too.
    await w.page.locator('[data-testid="question-list"] h3 a').click();
    await w.page.getByTestId('bar-chart').waitFor();
    const barLabel = await w.page.locator('[data-testid="bar-chart"] .bar-label').first();
    expect(await barLabel.textContent()).toBe(`${FSI}${RLO}gnp.exe${PDI}`);

    // A link naming a question that does not exist, with an override in its name: the
    // message repeats it isolated, and its own words read left to right.
    const survey = new URL(w.page.url()).hash.match(/[#&]s=([^&]+)/)?.[1] ?? '';
    await w.page.goto(
      `${baseUrl}#v=1&page=question&s=${survey}&q=${encodeURIComponent(`${RLO}gnp.exe`)}`,
    );
    const alert = w.page.getByRole('alert').first();
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain(`"${FSI}${RLO}gnp.exe${PDI}" is not in`);
    const sel = 'main [role="alert"]';
    expect(await xOf(w.page, sel, 'Showing')).toBeLessThan(await xOf(w.page, sel, 'instead.'));
    expect(await xOf(w.page, sel, 'is not in')).toBeLessThan(await xOf(w.page, sel, 'Showing'));

    // The library's undo bar: "Deleted “<label>”." keeps its closing words after the label.
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: `Delete ${FSI}${RLO}gnp.exe survey${PDI}` }).click();
    const bar = w.page.getByTestId('undo-bar');
    await bar.waitFor();
    expect(await bar.locator('bdi').textContent()).toBe(`${RLO}gnp.exe survey`);
    const labelBox = await bar.locator('bdi').boundingBox();
    const after = await xOf(w.page, '[data-testid="undo-bar"]', '”.');
    const before = await xOf(w.page, '[data-testid="undo-bar"]', 'Deleted');
    expect(labelBox).not.toBeNull();
    expect(before).toBeLessThan(labelBox?.x ?? 0);
    expect(after).toBeGreaterThanOrEqual((labelBox?.x ?? 0) + (labelBox?.width ?? 0) - 1);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('a survey carried in a link', () => {
  it('is shown from the link but written to the library only when the user keeps it', async () => {
    const sender = await openWatched(browserOf(), baseUrl);
    await sender.page.goto(baseUrl);
    await importFile(sender.page, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    const link = await sender.page.getByTestId('share-link').inputValue();
    const id = new URL(link).hash.match(/[#&]s=([^&]+)/)?.[1] ?? '';
    await sender.context.close();

    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(link);
    await w.page.getByTestId('question-list').waitFor();
    const banner = w.page.getByTestId('from-link');
    expect(await banner.innerText()).toContain('was opened from a link');
    expect(await storedSurveys(w.page)).toEqual([]);

    // A reload opens the link again: still shown, still not stored.
    await w.page.reload();
    await w.page.getByTestId('question-list').waitFor();
    await banner.waitFor();
    expect(await storedSurveys(w.page)).toEqual([]);
    // The library (in this tab, without a reload) marks it, and offers to keep it
    // instead of renaming or deleting it.
    await w.page.getByRole('link', { name: 'Library', exact: true }).click();
    await w.page.getByTestId('from-link-tag').waitFor();
    expect(await w.page.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).count()).toBe(0);
    expect(
      await w.page.getByRole('button', { name: `Keep ${HAND_WRITTEN} in my library` }).count(),
    ).toBe(1);

    await w.page.goBack();
    await banner.getByRole('button', { name: 'Keep in my library' }).click();
    await w.page.getByText('is now in your library').waitFor();
    expect(await storedSurveys(w.page)).toEqual([{ id, name: HAND_WRITTEN }]);
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).waitFor();
    expect(await w.page.getByTestId('from-link-tag').count()).toBe(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});

describe('two tabs of one library', () => {
  it('does not bring back a survey another tab deleted when this tab renames it', async () => {
    const a = await openWatched(browserOf(), baseUrl);
    await a.page.goto(baseUrl);
    await importFile(a.page, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    // Tab B missed the other tab's announcement (asleep in the background, say): it has no channel.
    const b = await a.context.newPage();
    await b.addInitScript(() => {
      Object.defineProperty(window, 'BroadcastChannel', { value: undefined });
    });
    await b.goto(baseUrl);
    await b.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).click();
    await b.getByLabel(`New name for ${HAND_WRITTEN}`).fill('Renamed in B');

    await a.page.goto(baseUrl);
    await a.page.getByRole('button', { name: `Delete ${HAND_WRITTEN}` }).click();
    await a.page.getByTestId('undo-bar').waitFor();

    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByText('was deleted in another tab, so it was not renamed').waitFor();
    expect(await b.getByTestId('library-table').innerText()).not.toContain(HAND_WRITTEN);
    expect(await b.getByTestId('library-table').innerText()).not.toContain('Renamed in B');
    expect(await storedSurveys(b)).toEqual([]);
    await b.reload();
    await b.getByTestId('library-table').waitFor();
    expect(await b.getByTestId('library-table').innerText()).not.toContain('Renamed in B');
    expect(a.errors).toEqual([]);
    await a.context.close();
  });

  it("keeps tabs in step, and does not undo a delete over the other tab's rename", async () => {
    const a = await openWatched(browserOf(), baseUrl);
    await a.page.goto(baseUrl);
    await importFile(a.page, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    const b = await a.context.newPage();
    await b.goto(baseUrl);
    await b.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).waitFor();

    // A deletes: B hears it, says so, and no longer lists the survey.
    await a.page.goto(baseUrl);
    await a.page.getByRole('button', { name: `Delete ${HAND_WRITTEN}` }).click();
    await a.page.getByTestId('undo-bar').waitFor();
    await b.getByTestId('remote-notice').getByText('was deleted in another tab').waitFor();
    expect(await b.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).count()).toBe(0);

    // B imports the same file again (the same id) and renames it; A hears both.
    await importFile(b, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    await b.goto(baseUrl);
    await b.getByRole('button', { name: `Rename ${HAND_WRITTEN}` }).click();
    await b.getByLabel(`New name for ${HAND_WRITTEN}`).fill('Renamed in B');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByRole('button', { name: 'Rename Renamed in B' }).waitFor();
    await a.page.getByRole('button', { name: 'Rename Renamed in B' }).waitFor();

    // A's undo would overwrite B's survey: A is told, and B's rename stays.
    await a.page.getByRole('button', { name: 'Undo' }).click();
    await a.page.getByText('was not restored').waitFor();
    expect(await storedSurveys(a.page)).toEqual([
      { id: expect.stringMatching(/^upload-/) as unknown as string, name: 'Renamed in B' },
    ]);
    await b.reload();
    await b.getByRole('button', { name: 'Rename Renamed in B' }).waitFor();
    expect(a.errors).toEqual([]);
    await a.context.close();
  });
});
