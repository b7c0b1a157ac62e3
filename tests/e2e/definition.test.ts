// One survey definition, the same numbers everywhere: what a user decides in the
// import preview (ungroup, rename, weight) travels with a link, so a fresh
// browser given the same file shows the identical crosstab. Reads StarWars from
// ../shared/datasets; skipped, saying so, where that folder is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, fixture, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();
const STARWARS = fileURLToPath(
  new URL(
    '../../../shared/datasets/fivethirtyeight/star-wars-survey/StarWars.csv',
    import.meta.url,
  ),
);
const present = existsSync(STARWARS);
if (!present) console.warn(`Skipping the StarWars definition test: ${STARWARS} is absent.`);

const FILMS = 'Which of the following Star Wars films have you seen? Please select all that apply.';
const film = (title: string) => `${FILMS} [${title}]`;

describe('the survey definition in the browser', () => {
  it.skipIf(!present)(
    'carries the preview’s ungroup and rename through a link: a fresh browser given the file shows the identical filtered crosstab',
    async () => {
      const w = await openWatched(browserOf(), baseUrl);
      await w.page.goto(baseUrl);
      await w.page.getByRole('button', { name: 'Import a file…' }).click();
      await w.page.getByTestId('file-input').setInputFiles(STARWARS);
      await w.page.getByTestId('preview').waitFor();
      // Ungroup the films question (its six columns stay questions of their own) and rename Gender.
      await w.page
        .locator(`tr[data-question="${FILMS}"]`)
        .getByRole('button', { name: 'Ungroup' })
        .click();
      await w.page.locator(`tr[data-question="${FILMS}"]`).waitFor({ state: 'detached' });
      const gender = w.page.getByLabel('Name of question Gender');
      await gender.fill('Gender of respondent');
      await gender.blur();
      await w.page.getByText('Undo my changes (2)').waitFor();
      await w.page.getByRole('button', { name: 'Import StarWars.csv' }).click();
      await w.page.getByTestId('question-list').waitFor();

      await w.page.getByRole('link', { name: 'Cross-tabulate these respondents' }).click();
      await w.page.getByTestId('crosstab-table').waitFor();
      await w.page.getByLabel('Rows').selectOption('Gender');
      await w.page.getByLabel('Columns').selectOption('Age');
      for (const title of [
        'Star Wars: Episode I  The Phantom Menace',
        'Star Wars: Episode II  Attack of the Clones',
      ]) {
        await w.page.getByLabel('Filter on question').selectOption(film(title));
        await w.page
          .getByRole('group', { name: /^Answers to / })
          .getByLabel(title)
          .check();
        await w.page.getByRole('button', { name: 'Add filter' }).click();
      }
      const base = await w.page.getByTestId('base-line').innerText();
      // 543 respondents saw both films and answered gender and age (the figure).
      expect(base).toContain('n = 543');
      const headers = await w.page
        .getByTestId('crosstab-table')
        .locator('thead th')
        .allInnerTexts();
      expect(headers[0]).toBe('Gender of respondent');
      const original = await w.page.getByTestId('crosstab-table').innerText();
      const link = await w.page.getByTestId('share-link').inputValue();
      expect(link).toMatch(/[#&]def=[A-Za-z0-9_-]+/);
      expect(w.errors).toEqual([]);

      const fresh = await openWatched(browserOf(), baseUrl);
      await fresh.page.goto(link);
      await fresh.page.getByTestId('need-file').waitFor();
      await fresh.page.getByTestId('need-file-input').setInputFiles(STARWARS);
      await fresh.page.getByTestId('crosstab-table').waitFor();
      expect(await fresh.page.getByTestId('crosstab-table').innerText()).toBe(original);
      expect(await fresh.page.getByTestId('base-line').innerText()).toBe(base);
      expect(await fresh.page.getByRole('alert').count()).toBe(0);
      expect(fresh.errors).toEqual([]);
      await fresh.context.close();
      await w.context.close();
    },
  );

  it('weights an upload only when the user chooses the proposed weight, and says so', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await w.page.getByRole('button', { name: 'Import a file…' }).click();
    await w.page.getByTestId('file-input').setInputFiles(fixture('upload-wechat-gb18030.csv'));
    await w.page.getByTestId('weight-proposal').waitFor();
    expect(await w.page.getByTestId('weight-proposal').innerText()).toContain(
      '权重 looks like a survey weight',
    );
    expect(await w.page.getByLabel('Weight column').inputValue()).toBe('');
    await w.page.getByRole('button', { name: 'Keep unweighted' }).click();
    await w.page.getByTestId('weight-proposal').waitFor({ state: 'detached' });
    await w.page.getByRole('button', { name: 'Import upload-wechat-gb18030.csv' }).click();
    await w.page.locator('[data-question="你多久使用一次微信？"] h3 a').click();
    await w.page.getByTestId('bar-chart').waitFor();
    // Unweighted: 一天多次 is 3 of the 6 respondents (weighted by 权重 it would be 55.0%).
    const values = await w.page.locator('[data-testid="bar-chart"] .bar-value').allTextContents();
    expect(values[0]).toBe('50.0%');
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
