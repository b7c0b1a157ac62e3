// The one import door reads a two-column Option/Percent table as one published
// question, with the preview's detector (proposePastedQuestion), and records
// the decision in the survey definition; a definition decides it either way.
import { describe, expect, it } from 'vitest';
import {
  DEFINITION_FORMAT,
  DEFINITION_VERSION,
  checkDefinition,
  parseDefinition,
  formatDefinition,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import { seriesBases } from '../../../src/core/published/bases';
import { loadSurveyFile, type Loaded, type LoadOptions } from '../../../src/core/pipeline';

const APPS = 'Option,Percent\nQQ,29%\nWeChat,34%\nWeibo,15%\nOther,22%\n';
const bytes = (text: string) => new TextEncoder().encode(text);
const def = (more: Partial<SurveyDefinition>): SurveyDefinition => ({
  format: DEFINITION_FORMAT,
  version: DEFINITION_VERSION,
  ...more,
});

function load(text: string, opts: Partial<LoadOptions> = {}): Loaded {
  const r = loadSurveyFile(bytes(text), { file: 'apps.csv', ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('a two-column table of labels and percents at the one door', () => {
  it('is one published question named after the file, whose figures fit a base of at least 41', () => {
    const l = load(APPS);
    if (l.kind !== 'distribution') throw new Error('read as respondents');
    expect(l.survey.meta.title).toBe('apps');
    expect([l.survey.meta.publisher, l.survey.meta.date]).toEqual([null, null]);
    const q = l.survey.questions[0]!;
    expect(q.text).toBe('apps');
    const s = q.series[0]!;
    expect(s.options.map((o) => [o.label, o.percent?.value])).toEqual([
      ['QQ', 29],
      ['WeChat', 34],
      ['Weibo', 15],
      ['Other', 22],
    ]);
    expect(s.baseN).toBeNull();
    // 12/41 = 29.3%, 14/41 = 34.1%, 6/41 = 14.6%, 9/41 = 22.0%: 41 respondents fit every figure.
    expect(seriesBases(s)?.smallest).toBe(41);
    expect(l.detected.shape).toBe('distribution');
    expect(l.detected.shapeReason).toBe(
      'Two columns, labels and 4 percents (total 100%): one published question, not respondents.',
    );
  });

  it('records the decision in the definition and says what is unknown and how to give it', () => {
    const l = load(APPS);
    expect(l.kind === 'distribution' ? l.definition : null).toEqual({
      format: DEFINITION_FORMAT,
      version: DEFINITION_VERSION,
      content: 'published-question',
      published: { question: 'apps', publisher: null, date: null, baseN: null },
      encoding: 'utf-8',
      delimiter: ',',
    });
    const w = l.detected.warnings.join('\n');
    expect(w).toContain('"content": "respondents"');
    expect(w).toContain('it is named after the file, "apps"');
    expect(w).toContain('The publisher and date are not known.');
  });

  it('reads the definition it records back to the same question (round trip)', () => {
    const first = load(APPS);
    if (first.kind !== 'distribution' || first.definition === undefined) throw new Error('no');
    const text = formatDefinition(first.definition);
    const parsed = parseDefinition(text, 'apps.json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const again = load(APPS, { definition: parsed.value });
    expect(again.kind === 'distribution' ? again.survey : null).toEqual(first.survey);
    expect(again.kind === 'distribution' ? again.definition : null).toEqual(first.definition);
  });

  it('takes wording, publisher, date, kind and base from the definition, and the base gives intervals', () => {
    const l = load(APPS, {
      definition: def({
        content: 'published-question',
        published: {
          question: 'Which app do you use most?',
          publisher: 'Example Research',
          date: '2013-07',
          kind: 'single',
          baseN: 1200,
        },
      }),
    });
    if (l.kind !== 'distribution') throw new Error('read as respondents');
    expect([l.survey.meta.title, l.survey.meta.publisher, l.survey.meta.date]).toEqual([
      'Which app do you use most?',
      'Example Research',
      '2013-07',
    ]);
    expect(l.survey.questions[0]!.series[0]!.baseN).toBe(1200);
    expect(l.survey.questions[0]!.declaredKind).toBe('single');
    expect(l.detected.warnings.join('\n')).not.toContain('not known');
  });

  it('reads the rows as respondents when the definition says so, and records that', () => {
    const l = load(APPS, { definition: def({ content: 'respondents' }) });
    if (l.kind !== 'respondents') throw new Error('read as published');
    expect(l.table.rowCount).toBe(4);
    expect(l.definition.content).toBe('respondents');
  });

  it('reads the rows as respondents when the user chose that shape (the preview declined)', () => {
    const l = load(APPS, { shape: 'respondents' });
    expect(l.kind).toBe('respondents');
  });

  it.each([
    ['a second column of numbers that are not percents', 'Name,Age\nAnn,34\nBen,29\nCy,51\n'],
    ['a second column over 100', 'Option,Percent\nA,40\nB,160\n'],
    ['three columns', 'Option,Percent,n\nA,40%,10\nB,60%,15\n'],
  ])('leaves %s as respondent data, with no proposal', (_what, text) => {
    const l = load(text);
    expect(l.kind).toBe('respondents');
    if (l.kind === 'respondents') expect(l.definition.content).toBeUndefined();
  });

  it('refuses a definition that says published question for a file that is not one', () => {
    const r = loadSurveyFile(bytes('Name,Age\nAnn,34\nBen,29\n'), {
      file: 'people.csv',
      definition: def({ content: 'published-question' }),
    });
    expect(r.ok ? null : r.error.code).toBe('counts-not-published-question');
  });

  it('refuses answers in the definition that the paste form would refuse, saying which', () => {
    const r = loadSurveyFile(bytes(APPS), {
      file: 'apps.csv',
      definition: def({ content: 'published-question', published: { date: '2013-13' } }),
    });
    expect(r.ok ? null : r.error.code).toBe('counts-published-question-answers');
    expect(r.ok ? '' : r.error.message).toContain('"2013-13" is not a date.');
  });

  it('refuses a definition whose published details contradict what it says the rows are', () => {
    const a = checkDefinition(def({ published: { question: 'Q' } }), 'd.json');
    expect(a.ok ? null : a.error.code).toBe('definition-published-without-content');
    const b = checkDefinition(def({ content: 'published-question', weight: 'weight' }), 'd.json');
    expect(b.ok ? null : b.error.message).toContain('yet it also gives "weight"');
  });
});
