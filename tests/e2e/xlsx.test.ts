// An .xlsx workbook through the real file input: the preview reads its first
// visible sheet and offers the others in a labelled picker; choosing the
// second sheet previews it again (published figures typed as percentages),
// and the import shows Eguan's shares exactly as the bundled CSV has them.
// The preview with its picker passes axe at desktop and phone widths.
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, fixture, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

describe('importing an Excel workbook', () => {
  it('previews the first sheet, picks the second, and shows its figures', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    const input = w.page.getByTestId('file-input');
    expect(await input.getAttribute('accept')).toContain('.xlsx');
    await input.setInputFiles(fixture('xlsx/features.xlsx'));
    await w.page.getByTestId('preview').waitFor();

    const sheet = w.page.getByLabel('Sheet');
    expect(await sheet.inputValue()).toBe('Answers');
    expect(await sheet.locator('option').allTextContents()).toEqual([
      'Answers',
      'Published',
      'Notes (hidden)',
    ]);
    // Stored values, not display text: the date as ISO, 0.1234 (shown as 12% in Excel) as itself.
    const raw = await w.page.getByTestId('preview').innerText();
    expect(raw).toContain('2024-05-01T12:00:00');
    expect(raw).toContain('0.1234');

    await sheet.selectOption('Published');
    await expect.poll(() => w.page.getByLabel('Shape').inputValue()).toBe('distribution');
    expect(await w.page.getByTestId('sheet-reason').textContent()).toBe('chosen by you');
    expect(await w.page.getByTestId('preview').innerText()).toContain(
      '16 cells are formatted as a percentage',
    );

    await w.page.getByRole('button', { name: 'Import features.xlsx' }).click();
    await w.page.getByTestId('question-list').waitFor();
    await w.page.locator('[data-testid="question-list"] h3 a').first().click();
    const table = w.page.getByTestId('compare-table');
    await table.waitFor();
    const qq = await table
      .locator('tbody tr', { hasText: 'QQ (Tencent)' })
      .locator('td')
      .allInnerTexts();
    // As bundled.test.ts finds for surveys/eguan-2013-07-mobile-im-share.csv.
    expect(qq).toEqual(['38.07%', '42.54%', '+4.47', '111.7']);
    const msn = await table
      .locator('tbody tr', { hasText: 'MSN (Microsoft China)' })
      .locator('td')
      .allInnerTexts();
    expect(msn.slice(0, 2)).toEqual(['3.80%', '2.53%']);
    expect(w.errors).toEqual([]);
    expect(w.foreignRequests).toEqual([]);
    await w.context.close();
  });

  it('the preview with its sheet picker has no serious accessibility problem at 1280 and 390 px', async () => {
    const w = await openWatched(browserOf(), baseUrl, { bypassCSP: true });
    for (const width of [1280, 390]) {
      await w.page.setViewportSize({ width, height: 844 });
      await w.page.goto(baseUrl);
      await w.page.getByRole('button', { name: 'Import a file…' }).click();
      await w.page.getByTestId('file-input').setInputFiles(fixture('xlsx/features.xlsx'));
      await w.page.getByLabel('Sheet').waitFor();
      await w.page.addScriptTag({ content: axe.source });
      const problems = await w.page.evaluate(async () => {
        const run = (
          window as unknown as {
            axe: {
              run: (c: Element) => Promise<{ violations: { id: string; impact: string | null }[] }>;
            };
          }
        ).axe.run;
        const panel = document.querySelector('[data-testid="import-panel"]') as Element;
        return (await run(panel)).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => v.id);
      });
      expect(problems, `${width} px`).toEqual([]);
      // Nothing scrolls sideways on a phone.
      const overflow = await w.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    }
    await w.context.close();
  });
});
