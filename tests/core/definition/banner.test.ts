// The tab book's banner in a survey definition: read and refused as a
// document (definition.ts), kept by definitionOf, and met with a survey's
// table (banner.ts): bands made, names resolved, mistakes named.
import { describe, expect, it } from 'vitest';
import { copyBanner, definitionOf } from '../../../src/core/definition/apply';
import { bannerCandidates, resolveDefinedBanner } from '../../../src/core/definition/banner';
import {
  formatDefinition,
  parseDefinition,
  type DefinedBanner,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import type { SurveyError } from '../../../src/core/result';
import { tabs } from '../../../src/core/tabs/tabs';
import { loadRespondents } from '../../support/pipeline';
import { multi, numeric, respondents, single, unwrap } from '../../support/respondents';

const FILE = 'survey.json';
const doc = (banner: unknown): string =>
  JSON.stringify({ format: 'survey-workbench-definition', version: 1, banner });

function refused(text: string): SurveyError {
  const r = parseDefinition(text, FILE);
  if (r.ok) throw new Error(`accepted: ${text}`);
  return r.error;
}

const BANNER: DefinedBanner = {
  columns: ['gender', { question: 'gender', within: 'age' }, 'apps'],
  bands: [{ question: 'age', cuts: [25, 35], labels: ['Young', 'Middle', 'Older'] }],
};

describe('a banner in a survey definition, as a document', () => {
  it('is read unchanged: questions, a nesting, and a band with its labels', () => {
    const def: SurveyDefinition = {
      format: 'survey-workbench-definition',
      version: 1,
      banner: BANNER,
    };
    expect(parseDefinition(formatDefinition(def), FILE)).toEqual({ ok: true, value: def });
  });

  it.each([
    [
      'a question named twice',
      'definition-banner-twice',
      { columns: ['gender', 'gender'] },
      'The banner names the question "gender" twice. Keep it once: each banner question is one group of columns.',
    ],
    [
      'a question nested within itself',
      'definition-banner-nested',
      { columns: [{ question: 'gender', within: 'gender' }] },
      'The banner nests "gender" within itself. Nest it within another single-answer question, or put it on the banner on its own.',
    ],
    [
      'a question banded twice',
      'definition-band-twice',
      {
        columns: ['age'],
        bands: [
          { question: 'age', cuts: [25] },
          { question: 'age', cuts: [30] },
        ],
      },
      'The banner bands the question "age" twice. Give its cut points once.',
    ],
    [
      'cut points out of order',
      'definition-band-cuts',
      { columns: ['age'], bands: [{ question: 'age', cuts: [35, 25] }] },
      'The banner\'s cut points for "age" (35, 25) are not in increasing order. Give each cut point once, smallest first, e.g. 25, 35, 45, 55.',
    ],
    [
      'two labels for three bands',
      'definition-band-labels',
      { columns: ['age'], bands: [{ question: 'age', cuts: [25, 35], labels: ['a', 'b'] }] },
      'The banner gives 2 band labels for "age", which has 3 bands. Give one label per band (one more than the cut points), or leave the labels out.',
    ],
  ])('refuses %s, saying what to do', (_, code, banner, message) => {
    expect(refused(doc(banner))).toEqual({ code, message, file: FILE });
  });

  it('refuses a key a banner does not use, and a nesting without "within", saying where', () => {
    expect(refused(doc({ columns: [], title: 'x' })).message).toBe(
      'This survey definition is not valid at "banner": it has a key a definition does not use ("title"); remove it or check the spelling. Fix that entry, or download the definition again from the app.',
    );
    expect(refused(doc({ columns: [{ question: 'gender' }] })).message).toMatch(
      /^This survey definition is not valid at "banner\.columns\.0"/,
    );
    expect(refused(doc({ columns: ['age'], bands: [{ question: 'age', cuts: [] }] })).message).toBe(
      'This survey definition is not valid at "banner.bands.0.cuts": the value is empty or too long. Fix that entry, or download the definition again from the app.',
    );
  });
});

// Six respondents: ages 19, 24, 25, 34, 35 and one missing.
const CSV = [
  'id,gender,age,apps',
  '1,F,19,QQ;WeChat',
  '2,M,24,WeChat',
  '3,F,25,QQ',
  '4,M,34,',
  '5,F,35,WeChat',
  '6,M,,QQ',
].join('\n');

describe('the banner travels with the definition a survey is read with', () => {
  const given: SurveyDefinition = {
    format: 'survey-workbench-definition',
    version: 1,
    banner: BANNER,
  };
  const loaded = loadRespondents(CSV, {
    definition: {
      format: 'survey-workbench-definition',
      version: 1,
      questions: [{ id: 'apps', text: 'Apps', kind: 'multi', columns: ['apps'], separator: ';' }],
    },
  });

  it('definitionOf keeps the banner it was given, after the questions, and reads back the same', () => {
    const def = definitionOf(loaded.schema, loaded.table, null, given);
    expect(def.banner).toEqual(BANNER);
    expect(Object.keys(def).at(-1)).toBe('banner');
    expect(def.banner).not.toBe(BANNER);
    expect(parseDefinition(formatDefinition(def), FILE)).toEqual({ ok: true, value: def });
  });

  it('definitionOf without a banner writes none', () => {
    expect('banner' in definitionOf(loaded.schema, loaded.table, null)).toBe(false);
  });

  it('copyBanner copies every list, so editing the copy leaves the saved banner alone', () => {
    const copy = copyBanner(BANNER);
    (copy.bands![0]!.cuts as number[]).push(99);
    (copy.columns[1] as { within: string }).within = 'apps';
    expect(BANNER.bands![0]!.cuts).toEqual([25, 35]);
    expect(BANNER.columns[1]).toEqual({ question: 'gender', within: 'age' });
  });
});

describe('a banner met with a survey table', () => {
  const table = respondents([
    single('gender', ['F', 'M', 'F', 'M', 'F', 'M'], ['F', 'M'], 'Gender'),
    numeric('age', [19, 24, 25, 34, 35, null], 'Age'),
    multi('apps', [['QQ', 'WeChat'], ['WeChat'], ['QQ'], [], ['WeChat'], ['QQ']]),
    single('note', ['a', 'b', 'c', 'd', 'e', 'f']),
  ]);

  it('bands the numeric question and names it by its band on the banner', () => {
    const r = unwrap(resolveDefinedBanner(table, BANNER));
    expect(r.columns).toEqual(['gender', { question: 'gender', within: 'age_band' }, 'apps']);
    const band = r.table.columns.find((c) => c.id === 'age_band');
    expect(band?.type === 'single' && band.labels).toEqual(['Young', 'Middle', 'Older']);
    // 19, 24 -> Young; 25, 34 -> Middle; 35 -> Older; the missing age stays missing.
    expect(band?.type === 'single' && [...band.codes]).toEqual([1, 1, 2, 2, 3, 0]);
  });

  it('makes the tab book tabs() makes with the same columns: counts by hand', () => {
    const r = unwrap(resolveDefinedBanner(table, BANNER));
    const book = unwrap(tabs(r.table, { banner: r.columns, rows: ['gender'], tests: false }));
    expect(book.columns.map((c) => (c.within ? `${c.within} / ${c.label}` : c.label))).toEqual([
      'Total',
      'F',
      'M',
      'Young / F',
      'Young / M',
      'Middle / F',
      'Middle / M',
      'Older / F',
      'Older / M',
      'QQ',
      'WeChat',
    ]);
    // Gender F: respondents 1, 3, 5. QQ: 1, 3, 6; WeChat: 1, 2, 5.
    expect(book.tables[0]!.counts[0]).toEqual([3, 3, 0, 1, 0, 1, 0, 1, 0, 2, 2]);
  });

  it('makes bands from the cut points when the banner gives no labels', () => {
    const r = unwrap(
      resolveDefinedBanner(table, { columns: ['age'], bands: [{ question: 'age', cuts: [25] }] }),
    );
    const band = r.table.columns.find((c) => c.id === 'age_band');
    expect(band?.type === 'single' && band.labels).toEqual(['19–24', '25+']);
  });

  it.each([
    [
      'a question the survey does not have',
      { columns: ['region'] },
      'banner-unknown-question',
      'The banner names "region", which is not a question of this survey. Its questions are: "gender", "age", "apps", "note". Remove it from the banner, or put it back under that id.',
    ],
    [
      'a numeric question without cut points',
      { columns: ['age'] },
      'banner-needs-band',
      'The banner names the numeric question "age" without cut points. Band it (e.g. 25, 35, 45, 55 for ages) so its answers make columns, or remove it from the banner.',
    ],
    [
      'a multi-answer question nested within another',
      { columns: [{ question: 'apps', within: 'gender' }] },
      'tabs-nested-multi',
      '"apps" can be nested within "gender" only when both are single-answer questions.',
    ],
    [
      'a band of a question that holds no numbers',
      { columns: ['gender'], bands: [{ question: 'gender', cuts: [1] }] },
      'tabs-band-not-numeric',
      'There is no numeric question "gender" to band. Pick one of: "age".',
    ],
  ])('refuses %s', (_, banner, code, message) => {
    expect(resolveDefinedBanner(table, banner)).toEqual({ ok: false, error: { code, message } });
  });

  it('offers every single, multi and numeric question for the banner, not the id or the weight', () => {
    const t = {
      ...respondents(
        [
          numeric('rid', [1, 2]),
          single('g', ['a', 'b']),
          numeric('w', [1, 2]),
          numeric('age', [20, 30]),
        ],
        { weightId: 'w' },
      ),
      idColumnId: 'rid',
    };
    expect(bannerCandidates(t).map((c) => c.id)).toEqual(['g', 'age']);
  });
});
