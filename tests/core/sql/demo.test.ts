// The bundled demo survey with its definition (weighted by "weight"): every
// pair of its questions, and against Total, filtered and with nets, as
// DuckDB counts them from the query; the same numbers as the engine.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrosstabSpec } from '../../../src/core/crosstab/types';
import { parseDefinition } from '../../../src/core/definition/definition';
import type { SqlSource } from '../../../src/core/sql/crosstab';
import { loadRespondents } from '../../support/pipeline';
import { expectSqlMatches, openDuck, type Duck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping the demo survey in DuckDB: ${duck}`);

const CSV = fileURLToPath(
  new URL('../../../surveys/demo-simulated-wechat-respondents.csv', import.meta.url),
);
const definition = parseDefinition(readFileSync(CSV.replace(/\.csv$/, '.json'), 'utf8'), 'demo');
if (!definition.ok) throw new Error(definition.error.message);
const loaded = loadRespondents(new Uint8Array(readFileSync(CSV)), {
  file: CSV,
  definition: definition.value,
});
const source: SqlSource = { kind: 'csv', path: CSV, delimiter: ',', encoding: 'utf-8' };
const questions = loaded.table.columns.filter((c) => c.type === 'single' || c.type === 'multi');
const REASON = 'What is the reason that you started to use WeChat?';
const FOLLOW = 'Which type of official accounts do you follow?';

const pairs: [string, CrosstabSpec][] = questions.flatMap((r) => [
  [`${r.id} × Total`, { rows: { questionId: r.id }, cols: null }] as [string, CrosstabSpec],
  ...questions.map((c): [string, CrosstabSpec] => [
    `${r.id} × ${c.id}`,
    { rows: { questionId: r.id }, cols: { questionId: c.id } },
  ]),
]);
const views: [string, CrosstabSpec][] = [
  [
    'reasons × age, women only, with a net',
    {
      rows: {
        questionId: REASON,
        nets: [{ label: 'Friends or curiosity (net)', options: [0, 1] }],
      },
      cols: { questionId: 'age_group' },
      filter: [{ questionId: 'gender', options: [0] }],
    },
  ],
  [
    'frequency × accounts followed, unweighted, two filters, nets on both axes',
    {
      rows: {
        questionId: 'How often do you use WeChat?',
        nets: [{ label: 'Daily (net)', options: [0, 1] }],
      },
      cols: {
        questionId: FOLLOW,
        nets: [{ label: 'Any of the first three (net)', options: [0, 1, 2] }],
      },
      filter: [
        { questionId: 'city_tier', options: [0, 1] },
        { questionId: REASON, options: [2, 3] },
      ],
      weightId: null,
    },
  ],
];

describe.skipIf(typeof duck === 'string')('crosstabSql on the demo survey', () => {
  const db = duck as Duck;
  let cells = 0;
  afterAll(() => {
    console.info(`demo survey: ${pairs.length + views.length} tables, ${cells} cells compared`);
    db.close();
  });

  it('is weighted by its definition', () => {
    expect(loaded.schema.weightId).toBe('weight');
    expect(questions.length).toBe(6);
  });

  it('gives the engine’s weighted counts for every pair of questions', async () => {
    for (const [what, spec] of pairs)
      cells += await expectSqlMatches(db, loaded, source, spec, what);
  });

  it.each(views)('%s', async (what, spec) => {
    cells += await expectSqlMatches(db, loaded, source, spec, what);
  });
});
