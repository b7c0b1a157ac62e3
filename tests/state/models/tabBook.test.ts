// The tab book as the page shows it (state/models/tabBook.ts), and built one
// table at a time (tabBookBuild.ts): every figure is the engine's, counted by
// hand on ten respondents, and the book built table by table is the book
// tabs() makes in one go, on the bundled demo survey.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../../src/core/definition/definition';
import { loadSurveyFile } from '../../../src/core/pipeline';
import type { RespondentTable } from '../../../src/core/table/types';
import { defaultRows } from '../../../src/core/tabs/rows';
import { tabs } from '../../../src/core/tabs/tabs';
import { bookVM, contentsVM, tableVM } from '../../../src/state/models/tabBook';
import {
  buildTabBook,
  planTabBook,
  planTable,
  type TabBookRequest,
} from '../../../src/state/models/tabBookBuild';
import { respondents, single, unwrap } from '../../support/respondents';
import { tenRespondents } from '../../support/tenRespondents';

// Ten respondents counted by hand: the table is in tests/support/tenRespondents.ts.
const small = tenRespondents;

const TESTS = { level: 0.95, lowerLevel: null, compare: 'group', correction: 'none' } as const;
const request = (rows: string[] | null): TabBookRequest => ({
  banner: { columns: ['gender', 'region'] },
  rows,
  tests: TESTS,
  nets: false,
});

describe('the banner header', () => {
  const book = unwrap(buildTabBook(small(false), request(['q'])));

  it('has Total, then each banner question spanning its columns, lettered A to D', () => {
    const vm = bookVM(book);
    expect(vm.header.groups).toEqual([
      { text: 'Total', span: 1, type: 'total' },
      { text: 'Gender', span: 2, type: 'single' },
      { text: 'region', span: 2, type: 'single' },
    ]);
    expect(vm.header.columns.map((c) => [c.label, c.letter, c.groupStart])).toEqual([
      ['Total', null, true],
      ['Men', 'A', true],
      ['Women', 'B', false],
      ['North', 'C', true],
      ['South', 'D', false],
    ]);
    expect(vm.header.lettered).toBe(true);
  });

  it('says what the whole book is: weight, filter, banner and source', () => {
    expect(bookVM(book).lines).toEqual([
      'Weight: none (unweighted)',
      'Filter: none (all respondents)',
      'Banner: Total; Gender; region',
      'Source: test. Tabulated by Survey Workbench.',
    ]);
  });

  it('names a nested column "outer / inner"', () => {
    const nested = unwrap(
      buildTabBook(small(false), {
        ...request(['q']),
        banner: { columns: [{ question: 'gender', within: 'region' }] },
      }),
    );
    expect(bookVM(nested).header.columns.map((c) => c.label)).toEqual([
      'Total',
      'North / Men',
      'North / Women',
      'South / Men',
      'South / Women',
    ]);
    expect(bookVM(nested).header.groups[1]!.text).toBe('Gender within region');
  });
});

describe('a table of an unweighted book', () => {
  const book = unwrap(buildTabBook(small(false), request(['q', 'score'])));
  const q = tableVM(book, book.tables[0]!, 0);

  it('is numbered, titled and anchored as the contents link to it', () => {
    expect([q.number, q.title, q.anchor]).toEqual([
      1,
      'Table 1: Would you recommend us?',
      'tabbook-table-1',
    ]);
    expect(contentsVM(book.tables)).toEqual([
      { anchor: 'tabbook-table-1', title: 'Table 1: Would you recommend us?' },
      { anchor: 'tabbook-table-2', title: 'Table 2: score' },
    ]);
  });

  it('shows the unweighted base, then each answer as whole column percents: Yes 5 of 9 is 56%', () => {
    expect(q.rows.map((r) => [r.kind, r.label, r.cells.map((c) => c.text)])).toEqual([
      ['base-unweighted', 'Base (unweighted)', ['9', '4', '4', '5', '4']],
      ['answer', 'Yes', ['56%', '75%', '25%', '60%', '50%']],
      ['answer', 'No', ['44%', '25%', '75%', '40%', '50%']],
    ]);
    // Every column has fewer than 30 respondents.
    expect(q.rows[0]!.cells.every((c) => c.small)).toBe(true);
  });

  it('puts the base line first and what was tested apart from the other notes', () => {
    expect(q.baseLine).toBe('Base: all respondents who answered the question.');
    expect(q.testLines).toEqual([
      'Letters: column proportions compared between the columns of each banner group by two-sided pooled z-tests, uppercase at 95%, without correction for multiple comparisons. A letter marks a cell significantly higher than the lettered column.',
    ]);
    expect(q.notes).toEqual([
      'Small base (fewer than 30 respondents) in: Total, Men, Women, North, South. Read these percentages with care.',
    ]);
  });

  it('gives a numeric question mean, SD, median and n: Men 25, √(500/3) = 12.91, 20, 4', () => {
    const s = tableVM(book, book.tables[1]!, 1);
    expect(s.rows.map((r) => [r.kind, r.cells.map((c) => c.text)])).toEqual([
      ['base-unweighted', ['9', '4', '4', '5', '3']],
      ['mean', ['52.22', '25.00', '70.00', '46.00', '46.67']],
      // Total: Σx² 32,100 − 470²/9 = 7,555.6 over 8; Women 50, 60, 70, 100: 1,400 over 3.
      ['sd', ['30.73', '12.91', '21.60', '32.09', '20.82']],
      ['median', ['50.00', '20.00', '60.00', '50.00', '40.00']],
      ['n', ['9', '4', '4', '5', '3']],
    ]);
    expect(s.testLines[0]).toMatch(/^Means: Welch's t-test/);
  });
});

describe('a table of a weighted book', () => {
  const book = unwrap(
    buildTabBook(small(true), { ...request(['q']), banner: { columns: ['gender'] } }),
  );
  const q = tableVM(book, book.tables[0]!, 0);

  it('shows unweighted, weighted and effective bases: Total 9, 11, 11²/15 = 8.1', () => {
    expect(q.rows.slice(0, 3).map((r) => [r.label, r.cells.map((c) => c.text)])).toEqual([
      ['Base (unweighted)', ['9', '4', '4']],
      ['Base (weighted)', ['11.0', '5.0', '5.0']],
      ['Effective base', ['8.1', '3.6', '3.6']],
    ]);
    // Yes: 5 of 11 (45%), Men 3 of 5 (60%), Women 1 of 5 (20%).
    expect(q.rows[3]!.cells.map((c) => c.text)).toEqual(['45%', '60%', '20%']);
    expect(q.testLines[0]).toContain('on Kish effective bases');
  });
});

describe('letters in the cells', () => {
  // A: 80 of 100, B: 50 of 100, C: 62 of 100 (tests/core/tabs/tabs.test.ts works out the z-tests).
  const group: string[] = [];
  const answer: string[] = [];
  for (const [label, yes] of [
    ['A', 80],
    ['B', 50],
    ['C', 62],
  ] as const)
    for (let i = 0; i < 100; i++) {
      group.push(label);
      answer.push(i < yes ? 'Yes' : 'No');
    }
  const t = respondents([single('group', group), single('answer', answer, ['Yes', 'No'])]);

  it('carries uppercase letters at 95% and lowercase at 90% beside each percent', () => {
    const book = unwrap(
      buildTabBook(t, {
        banner: { columns: ['group'] },
        rows: ['answer'],
        tests: { ...TESTS, lowerLevel: 0.9 },
        nets: false,
      }),
    );
    const vm = tableVM(book, book.tables[0]!, 0);
    expect(vm.rows.slice(1).map((r) => r.cells.map((c) => `${c.text}${c.letters}`))).toEqual([
      ['64%', '80%BC', '50%', '62%b'],
      ['36%', '20%', '50%Ac', '38%A'],
    ]);
    expect(vm.testLines[0]).toContain('uppercase at 95%, lowercase at 90%');
  });
});

describe('a book with Total only', () => {
  it('says nothing was tested', () => {
    const book = unwrap(buildTabBook(small(false), { ...request(['q']), banner: { columns: [] } }));
    expect(tableVM(book, book.tables[0]!, 0).testLines).toEqual([
      'Nothing was tested: the banner has only Total. Add banner questions to compare columns.',
    ]);
    expect(bookVM(book).header.lettered).toBe(false);
  });
});

describe('built one table at a time', () => {
  const DEMO = new URL('../../../surveys/demo-simulated-wechat-respondents', import.meta.url)
    .pathname;
  const def = unwrap(parseDefinition(readFileSync(`${DEMO}.json`, 'utf8'), 'demo.json'));
  const loaded = loadSurveyFile(new Uint8Array(readFileSync(`${DEMO}.csv`)), {
    file: 'demo.csv',
    definition: def,
  });
  const table =
    unwrap(loaded).kind === 'respondents'
      ? (unwrap(loaded) as { table: RespondentTable }).table
      : null;

  it('is, table for table, the book tabs() makes in one go (demo survey, weighted, 95/90, BH, nets)', () => {
    const tests = { level: 0.95, lowerLevel: 0.9, compare: 'group', correction: 'bh' } as const;
    const built = unwrap(
      buildTabBook(table!, {
        banner: { columns: ['gender', 'age_group'] },
        rows: null,
        tests,
        nets: true,
      }),
    );
    const whole = unwrap(
      tabs(table!, {
        banner: ['gender', 'age_group'],
        rows: defaultRows(table!, 'weight').map((c) => c.id),
        tests,
        nets: 'top2bottom2',
      }),
    );
    expect(built).toEqual(whole);
    expect(built.tables.map((t) => t.question.id)).toEqual([
      'gender',
      'age_group',
      'city_tier',
      'How often do you use WeChat?',
      'What is the reason that you started to use WeChat?',
      'Which type of official accounts do you follow?',
    ]);
    expect(built.weightId).toBe('weight');
  });

  it('plans the head first, then any table on its own', () => {
    const plan = unwrap(
      planTabBook(table!, {
        banner: { columns: ['gender'] },
        rows: ['city_tier', 'gender'],
        tests: TESTS,
        nets: false,
      }),
    );
    expect(plan.rows).toEqual(['city_tier', 'gender']);
    expect(plan.head.columns.map((c) => c.label)).toEqual(['Total', 'Female', 'Male']);
    expect(unwrap(planTable(plan, 1)).question.id).toBe('gender');
  });

  it('refuses an empty list of rows, and a banner naming what the survey lacks', () => {
    expect(planTabBook(table!, { ...request([]), banner: { columns: ['gender'] } })).toEqual({
      ok: false,
      error: {
        code: 'tabs-no-rows',
        message: 'Tick at least one question, or choose every question.',
      },
    });
    const r = planTabBook(table!, { ...request(null), banner: { columns: ['region'] } });
    expect(!r.ok && r.error.code).toBe('banner-unknown-question');
  });
});
