// crosstabSqlFor(), what `crosstab … --sql` prints: the query for the table
// the same arguments give, read from the same file the same way, run by
// DuckDB and compared with crosstabFile()'s JSON numbers.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CrosstabArgs } from '../../../src/cli/args';
import { crosstabFile } from '../../../src/cli/crosstab';
import { openSurvey } from '../../../src/cli/open';
import { crosstabSqlFor } from '../../../src/cli/sql';
import { expectSameCounts, openDuck, type Duck } from './duckdb';

const duck = await openDuck();
if (typeof duck === 'string') console.warn(`Skipping crosstab --sql in DuckDB: ${duck}`);

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const DEMO = root('surveys/demo-simulated-wechat-respondents.csv');

const args = (rest: Partial<CrosstabArgs>): Omit<CrosstabArgs, 'json'> => ({
  file: DEMO,
  multi: [],
  rows: 'How often do you use WeChat?',
  cols: null,
  where: [],
  tests: true,
  ...rest,
});

async function sqlFor(a: Omit<CrosstabArgs, 'json'>) {
  const opened = await openSurvey(a);
  if (!opened.ok) throw new Error(opened.error.message);
  return crosstabSqlFor(a, opened.value);
}

describe('crosstab --sql', () => {
  afterAll(() => {
    if (typeof duck !== 'string') duck.close();
  });

  it.skipIf(typeof duck === 'string').each([
    [
      'weighted by the definition, filtered',
      args({ cols: 'age_group', where: [{ question: 'gender', option: 'Female' }] }),
    ],
    [
      'a multi-answer question, two --where on one question (OR), --no-weight',
      args({
        rows: 'What is the reason that you started to use WeChat?',
        cols: 'city_tier',
        where: [
          { question: 'age_group', option: '18-24' },
          { question: 'age_group', option: '41+' },
        ],
        weight: null,
      }),
    ],
    ['one-way (Total)', args({ rows: 'Which type of official accounts do you follow?' })],
  ])('prints the query for the same table: %s', async (_, a) => {
    const sql = await sqlFor(a);
    if (!sql.ok) throw new Error(sql.error.message);
    expect(sql.value.endsWith(';\n')).toBe(true);
    const table = await crosstabFile(a);
    if (!table.ok) throw new Error(table.error.message);
    const db = duck as Duck;
    expect(await db.statements(sql.value)).toBe(1);
    expectSameCounts(table.value, await db.rows(sql.value), 'crosstab --sql');
  });

  it('says why there is no query for published figures or an SPSS file, naming the file', async () => {
    const published = root('surveys/sootoo-2013-06-wechat-users.csv');
    const p = await sqlFor(args({ file: published }));
    expect(p.ok ? 'ok' : [p.error.code, p.error.file]).toEqual(['cli-not-respondents', published]);
    const sav = root('tests/fixtures/sav/hdv2003.sav');
    const s = await sqlFor(args({ file: sav, rows: 'sexe' }));
    expect(s.ok ? 'ok' : [s.error.code, s.error.file]).toEqual(['sql-not-text', sav]);
  });

  it('names questions and options as crosstab does, with its errors', async () => {
    const r = await sqlFor(args({ rows: 'no such question' }));
    expect(r.ok ? 'ok' : r.error.code).toBe('crosstab-unknown-question');
    const o = await sqlFor(args({ where: [{ question: 'gender', option: 'Nobody' }] }));
    expect(o.ok ? 'ok' : o.error.code).toBe('crosstab-unknown-option');
  });
});
