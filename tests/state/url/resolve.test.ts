// A link resolved against the library (state/url/resolve.ts): what it names
// that the library lacks is left out, the view falls back to the nearest page
// that exists, and the user is told what happened, in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDistributionCsv } from '../../../src/core/published/parse';
import { entryFromSurvey, entryFromTable, libraryOf } from '../../../src/state/models/library';
import { findQuestion, resolveView } from '../../../src/state/url/resolve';
import { HOME, type ViewState } from '../../../src/state/url/view';
import { multi, respondents } from '../../support/respondents';
import { tenRespondents } from '../../support/tenRespondents';

const EGUAN = 'eguan-2013-07-mobile-im-share';
const eguanCsv = readFileSync(new URL(`../../../surveys/${EGUAN}.csv`, import.meta.url), 'utf8');

function published(id: string, text: string) {
  const r = parseDistributionCsv(text, `${id}.csv`);
  if (!r.ok) throw new Error(r.error.message);
  return entryFromSurvey(id, `${id}.csv`, 'bundled', r.value);
}

const ten = tenRespondents(true);
const panel = entryFromTable(
  'panel',
  'panel.csv',
  'upload',
  respondents([
    ...ten.columns,
    multi('brands', [['A'], ['A', 'B'], null, ['B'], ['C'], [], ['A'], ['C'], ['B'], ['A']]),
  ]),
);
// The same figures under a question id holding ":" (ids are any text from the file).
const colon = published('eguan-colon', eguanCsv.replace(',share,', ',im: share,'));
const library = libraryOf([published(EGUAN, eguanCsv), panel, colon]);
const TITLE = 'Market share of mobile instant messenger services in China';

const view = (over: Partial<ViewState>): ViewState => ({ ...HOME, ...over });

describe('a link resolved against the library', () => {
  it.each(['library', 'flags', 'counts'] as const)(
    'opens the %s page as it is, without a survey, question, nets or compared questions',
    (page) => {
      const r = resolveView(
        view({ page, survey: EGUAN, question: 'share', nets: [[0, 1]], compare: ['x:y'] }),
        library,
      );
      expect(r).toEqual({
        view: view({ page, survey: null, question: null, nets: [], compare: [] }),
        problem: null,
      });
    },
  );

  it.each([
    [null, 'This link names no survey. Showing the library instead.'],
    ['gone', 'The survey "gone" is not in this library. Showing the library instead.'],
  ])('shows the library for survey %j, saying why', (survey, problem) => {
    expect(resolveView(view({ page: 'question', survey, question: 'share' }), library)).toEqual({
      view: HOME,
      problem,
    });
  });

  it('shows the survey for a question it lacks, naming both', () => {
    const r = resolveView(view({ page: 'question', survey: EGUAN, question: 'age' }), library);
    expect(r.view).toEqual(view({ page: 'survey', survey: EGUAN, question: null }));
    expect(r.problem).toBe(`The question "age" is not in "${TITLE}". Showing the survey instead.`);
  });

  it('keeps the nets and compared questions that exist and leaves out the others, saying both', () => {
    const r = resolveView(
      view({
        page: 'question',
        survey: EGUAN,
        question: 'share',
        nets: [
          [0, 1],
          [0, 99],
          [2, -1],
        ],
        compare: ['eguan-colon:im: share', `${EGUAN}:nope`, 'gone:share'],
      }),
      library,
    );
    expect([r.view.nets, r.view.compare]).toEqual([[[0, 1]], ['eguan-colon:im: share']]);
    expect(r.problem).toBe(
      'Some nets in this link name options that do not exist; they were left out. Some compared questions in this link are not in this library; they were left out.',
    );
  });

  it.each(['crosstab', 'tabs'] as const)(
    'shows the survey page for a %s of published figures, saying they are not respondents',
    (page) => {
      const r = resolveView(view({ page, survey: EGUAN }), library);
      expect([r.view.page, r.view.question]).toEqual(['survey', null]);
      expect(r.problem).toBe(
        `"${TITLE}" holds published figures, not respondents: compare its segments on a question page instead.`,
      );
    },
  );

  it('keeps a crosstab on questions that exist, including the answers counted of a multi-answer question', () => {
    const crosstab = {
      ...HOME.crosstab,
      rows: 'answers:brands',
      cols: 'gender',
      weight: 'w',
      filters: [{ question: 'brands', options: [0] }],
    };
    expect(resolveView(view({ page: 'crosstab', survey: 'panel', crosstab }), library)).toEqual({
      view: view({ page: 'crosstab', survey: 'panel', crosstab }),
      problem: null,
    });
  });

  it('leaves out the crosstab questions, weight and filters the survey lacks, naming each', () => {
    const r = resolveView(
      view({
        page: 'crosstab',
        survey: 'panel',
        crosstab: {
          ...HOME.crosstab,
          rows: 'age',
          cols: 'income',
          weight: 'gender', // a question, not a number
          filters: [
            { question: 'region', options: [0] },
            { question: 'score', options: [0] }, // numeric: no options to filter on
            { question: 'city', options: [1] },
          ],
        },
      }),
      library,
    );
    expect(r.view.crosstab).toEqual({
      ...HOME.crosstab,
      rows: null,
      cols: null,
      weight: undefined,
      filters: [{ question: 'region', options: [0] }],
    });
    expect(r.problem).toBe(
      [
        'There is no question "age" for the rows.',
        'There is no question "income" for the columns.',
        'There is no numeric column "gender" to weight by; the survey\'s own weight is used.',
        'The filter on "score" names no question in this survey and was left out.',
        'The filter on "city" names no question in this survey and was left out.',
      ].join(' '),
    );
  });

  it('keeps "unweighted" (null) and "the survey\'s own weight" (undefined) as they are', () => {
    for (const weight of [null, undefined]) {
      const crosstab = { ...HOME.crosstab, rows: 'q', weight };
      const r = resolveView(view({ page: 'crosstab', survey: 'panel', crosstab }), library);
      expect([r.view.crosstab.weight, r.problem]).toEqual([weight, null]);
    }
  });
});

describe('finding a compared question', () => {
  it.each([
    [`${EGUAN}:share`, EGUAN, 'share'],
    ['eguan-colon:im: share', 'eguan-colon', 'im: share'],
  ])('finds %s: survey %s, question %s', (ref, survey, question) => {
    const found = findQuestion(library, ref);
    expect([found?.entry.id, found?.question.id]).toEqual([survey, question]);
  });

  it.each([`${EGUAN}:nope`, 'gone:share', EGUAN, 'eguan-colon:im'])(
    'finds nothing for %s',
    (ref) => {
      expect(findQuestion(library, ref)).toBeNull();
    },
  );
});
