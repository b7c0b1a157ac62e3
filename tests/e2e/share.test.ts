// Links to uploaded surveys: a small published upload travels inside the
// link; a respondent upload is named by its fingerprint, and the recipient is
// asked for that same file. Broken links open the nearest valid view.
import { describe, expect, inject, it } from 'vitest';
import { fixture, importFile, browserForFile, openWatched } from './browser';

const baseUrl = inject('baseUrl');
const browserOf = browserForFile();

describe('sharing uploaded surveys', () => {
  it('carries a small published upload inside the link, so a fresh browser shows the same figures', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await importFile(w.page, fixture('distribution/hand-written.csv'), 'hand-written.csv');
    const original = await w.page.getByTestId('question-list').innerText();
    const link = await w.page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/[#&]d=[A-Za-z0-9_-]+/);

    const fresh = await openWatched(browserOf(), baseUrl);
    await fresh.page.goto(link);
    await fresh.page.getByTestId('question-list').waitFor();
    expect(await fresh.page.getByTestId('question-list').innerText()).toBe(original);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    await w.context.close();
  });

  it('names a respondent upload by its fingerprint, refuses a different file and opens the view with the right one', async () => {
    const w = await openWatched(browserOf(), baseUrl);
    await w.page.goto(baseUrl);
    await importFile(w.page, fixture('upload-wechat-gb18030.csv'), 'upload-wechat-gb18030.csv');
    const original = await w.page.getByTestId('question-list').innerText();
    const link = await w.page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/[#&]fp=[0-9a-f]{64}/);

    const fresh = await openWatched(browserOf(), baseUrl);
    await fresh.page.goto(link);
    await fresh.page.getByTestId('need-file').waitFor();
    expect(await fresh.page.getByTestId('need-file').innerText()).toContain(
      'upload-wechat-gb18030.csv',
    );
    await fresh.page
      .getByTestId('need-file-input')
      .setInputFiles(fixture('distribution/hand-written.csv'));
    await fresh.page.getByTestId('need-file-error').waitFor();
    expect(await fresh.page.getByTestId('need-file-error').innerText()).toContain(
      'This is not the file the link was made from',
    );
    await fresh.page
      .getByTestId('need-file-input')
      .setInputFiles(fixture('upload-wechat-gb18030.csv'));
    await fresh.page.getByTestId('question-list').waitFor();
    expect(await fresh.page.getByTestId('question-list').innerText()).toBe(original);
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
    await w.context.close();
  });

  it.each([
    [
      'a survey that does not exist',
      '#v=1&page=question&s=no-such-survey&q=q1',
      'The survey "no-such-survey" is not in this library',
    ],
    [
      'a question that does not exist',
      '#v=1&page=question&s=eguan-2013-07-mobile-im-share&q=nope',
      'The question "nope" is not in',
    ],
    ['a newer format', '#v=7&page=library', 'newer version of Survey Workbench'],
    ['tampered survey data', '#v=1&page=survey&s=upload-x&d=AAAAbroken', 'damaged'],
    [
      'markup in the link',
      '#v=1&page=survey&s=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
      'malformed',
    ],
  ])('opens the nearest valid view with a message for %s', async (_name, hash, message) => {
    const w = await openWatched(browserOf(), baseUrl);
    let dialogs = 0;
    w.page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await w.page.goto(`${baseUrl}${hash}`);
    const alert = w.page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.innerText()).toContain(message);
    expect(dialogs).toBe(0);
    expect(w.errors).toEqual([]);
    await w.context.close();
  });
});
