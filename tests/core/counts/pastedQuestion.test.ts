// A two-column table of labels and percents pasted from a report is proposed
// as one published question (not three respondents); the form's answers make
// the published-distribution CSV that the import door reads back.
import { describe, expect, it } from 'vitest';
import { pastedQuestionCsv } from '../../../src/core/counts/pastedCsv';
import { proposePastedQuestion } from '../../../src/core/counts/pastedQuestion';
import { loadSurveyFile, previewSurveyFile } from '../../../src/core/pipeline';

const rows = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split(l.includes('\t') ? '\t' : ','));

const form = {
  wording: 'Which messaging app do you use most?',
  publisher: 'Example Research',
  date: '2024-05',
  kind: 'single' as const,
  baseN: '1,200',
};

describe('proposing a published question', () => {
  it.each([
    [
      '"Option, Percent" with % signs',
      'Option,Percent\nWeChat,45%\nQQ,30%\nOther,25%',
      3,
      'single',
    ],
    ['"Answer, %" without signs', 'Answer,%\nYes,40\nNo,60', 2, 'single'],
    ['no header, % signs', 'Yes\t40%\nNo\t60%', 2, 'single'],
    ['no header, figures adding up to 100', 'Yes\t40.5\nNo\t59.5', 2, 'single'],
    ['several answers each (163%)', 'App,Share\nWeChat,81%\nQQ,52%\nWeibo,30%', 3, 'multi'],
  ])('proposes %s', (_what, text, options, kind) => {
    const q = proposePastedQuestion(rows(text));
    expect(q?.options.length).toBe(options);
    expect(q?.kind).toBe(kind);
  });

  it('keeps the percents as printed, the header and the total', () => {
    const q = proposePastedQuestion(rows('Option,Percent\nWeChat,45.5%\nQQ,30%\nOther,24.5%'))!;
    expect(q.header).toEqual(['Option', 'Percent']);
    expect(q.options.map((o) => [o.label, o.percent, o.line])).toEqual([
      ['WeChat', '45.5%', 2],
      ['QQ', '30%', 3],
      ['Other', '24.5%', 4],
    ]);
    expect(q.totalText).toBe('100.0%');
    expect(q.reason).toBe(
      'Two columns, labels and 3 percents (total 100.0%): one published question, not respondents.',
    );
  });

  it('says when a total just over 100% is ambiguous (109%)', () => {
    const q = proposePastedQuestion(rows('Option,%\nA,55%\nB,54%'))!;
    expect(q.kind).toBe('multi');
    expect(q.ambiguous).toBe(true);
  });

  it.each([
    ['respondents with a numeric column', 'id,score\n1,40\n2,60'],
    ['figures named otherwise that do not add up', 'name,age\nAnn,34\nBob,45'],
    ['three columns', 'Option,Men,Women\nYes,40%,50%\nNo,60%,50%'],
    ['a percent over 100', 'Option,Percent\nA,140%\nB,20%'],
    ['a word in the percent column', 'Option,Percent\nA,40%\nB,many'],
    ['one option', 'Option,Percent\nA,100%'],
    ['no header with figures short of 100 and no % signs', 'A\t40\nB\t20'],
  ])('does not propose %s', (_what, text) => {
    expect(proposePastedQuestion(rows(text))).toBeNull();
  });
});

describe('the preview of a pasted table', () => {
  const bytes = new TextEncoder().encode('Option\tPercent\nWeChat\t45%\nQQ\t30%\nOther\t25%\n');

  it('reports the proposal beside the respondent reading', () => {
    const p = previewSurveyFile(bytes, { file: 'pasted table.csv' });
    expect(p.ok && p.value.pasted?.options.map((o) => o.label)).toEqual(['WeChat', 'QQ', 'Other']);
  });

  it('proposes nothing once the user has chosen a shape', () => {
    const p = previewSurveyFile(bytes, { file: 'pasted table.csv', shape: 'respondents' });
    expect(p.ok && p.value.pasted).toBeNull();
  });
});

describe('the published CSV of a pasted question', () => {
  const q = proposePastedQuestion(rows('Option,Percent\nWeChat,45%\nQQ,30%\n=Other,25%'))!;

  it('writes survey, question, kind and base on the first row and each option as printed', () => {
    const out = pastedQuestionCsv(q, form);
    expect(out).toEqual({
      ok: true,
      csv:
        'survey,publisher,date,question,kind,base_n,option,percent\n' +
        'Which messaging app do you use most?,Example Research,2024-05,Which messaging app do you use most?,single,1200,WeChat,45%\n' +
        ',,,,,,QQ,30%\n' +
        ",,,,,,'=Other,25%\n",
    });
  });

  it('reads back through the import door as one published question with the same figures', () => {
    const out = pastedQuestionCsv(q, { ...form, kind: 'multi', baseN: '' });
    if (!out.ok) throw new Error('no csv');
    const loaded = loadSurveyFile(new TextEncoder().encode(out.csv), { file: 'pasted table.csv' });
    if (!loaded.ok || loaded.value.kind !== 'distribution') throw new Error('not published');
    const survey = loaded.value.survey;
    expect(survey.meta).toMatchObject({
      title: form.wording,
      publisher: 'Example Research',
      date: '2024-05',
    });
    const question = survey.questions[0]!;
    expect(question.declaredKind).toBe('multi');
    expect(question.series[0]!.baseN).toBeNull();
    expect(question.series[0]!.options.map((o) => [o.label, o.percent?.value])).toEqual([
      ['WeChat', 45],
      ['QQ', 30],
      ['=Other', 25],
    ]);
  });

  it.each([
    ['a blank wording', { wording: '  ' }, 'wording', 'Type the question wording'],
    ['a date that is not one', { date: 'May 2024' }, 'date', '"May 2024" is not a date.'],
    ['the 31st of April', { date: '2024-04-31' }, 'date', 'is not a date'],
    ['a base of 0', { baseN: '0' }, 'baseN', '"0" is not a number of respondents.'],
    ['a base with decimals', { baseN: '12.5' }, 'baseN', 'is not a number of respondents'],
  ])('refuses %s, on its field', (_what, change, field, says) => {
    const out = pastedQuestionCsv(q, { ...form, ...change });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.field).toBe(field);
    expect(out.problems[0]!.message).toContain(says);
  });

  it('refuses an option given twice, naming both rows', () => {
    const twice = proposePastedQuestion(rows('Option,Percent\nYes,45%\nNo,30%\nYes,25%'))!;
    const out = pastedQuestionCsv(twice, form);
    expect(!out.ok && out.problems).toEqual([
      { field: 'options', message: 'The option "Yes" is on rows 2 and 4. Give each option once.' },
    ]);
  });
});
