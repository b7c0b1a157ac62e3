// A large sheet streams: 60,000 rows load with every count right, the
// preview reads only the start of the sheet (it stops once it has its rows),
// progress is reported, and cancelling stops the read.
import { describe, expect, it } from 'vitest';
import { crosstab } from '../../../src/core/crosstab/crosstab';
import { cell, handWorkbook, row } from '../../../scripts/make-xlsx-fixtures';
import { load, preview, respondents, value } from './helpers';

const N = 60_000;

/** id; gender alternating Female/Male (shared strings); age 18–77; a score with one decimal. */
function bigWorkbook(): Uint8Array {
  const strings = ['id', 'gender', 'age', 'score', 'Female', 'Male'].map(
    (s) => `<si><t>${s}</t></si>`,
  );
  const rows = [
    row(
      1,
      ['A', 'B', 'C', 'D'].map((c, i) => cell(`${c}1`, 't="s"', `<v>${i}</v>`)),
    ),
  ];
  for (let r = 2; r <= N + 1; r++) {
    const i = r - 1;
    rows.push(
      `<row r="${r}"><c r="A${r}"><v>${i}</v></c><c r="B${r}" t="s"><v>${4 + (i % 2)}</v></c>` +
        `<c r="C${r}"><v>${18 + (i % 60)}</v></c><c r="D${r}"><v>${(i % 100) / 10}</v></c></row>`,
    );
  }
  return handWorkbook({ strings, sheets: [{ name: 'Big', rows: rows.join('') }] });
}

describe('a sheet of 60,000 respondents', { timeout: 120_000 }, () => {
  const bytes = bigWorkbook();

  it('loads every row, with the counts the rows were written with', async () => {
    const seen: number[] = [];
    const r = await respondents(bytes, { onProgress: (p) => seen.push(p.bytes) });
    expect(r.table.rowCount).toBe(N);
    const x = value(crosstab(r.table, { rows: { questionId: 'gender' }, cols: null }));
    // Odd ids are Male, even ids Female: 30,000 each.
    expect(x.rows.labels).toEqual(['Male', 'Female']);
    expect(x.counts).toEqual([[30_000], [30_000]]);
    const age = r.table.columns.find((c) => c.id === 'age');
    if (age?.type !== 'numeric') throw new Error(`age is ${age?.type}`);
    // 60,000 ids cycle through 60 ages 1,000 times each: the mean is (18 + 77) / 2.
    expect(age.values.reduce((a, b) => a + b, 0) / N).toBe(47.5);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen[seen.length - 1]).toBe(bytes.length);
  });

  it('previews from the first piece of the sheet alone', async () => {
    let read = 0;
    const p = await preview(bytes, { onProgress: (x) => (read = Math.max(read, x.bytes)) });
    expect(p.truncated).toBe(true);
    expect(p.rows[1]).toEqual(['1', 'Male', '19', '0.1']);
    expect(read).toBeLessThan(bytes.length / 10);
  });

  it('stops when cancelled, with nothing loaded', async () => {
    let calls = 0;
    const r = await load(bytes, { shouldCancel: () => ++calls > 2 });
    expect(r.ok || [r.error.code, r.error.message]).toEqual([
      'import-cancelled',
      'Import cancelled. Nothing was imported; your library is unchanged.',
    ]);
  });
});
