// A table of counts exported through the one CSV writer: the header block,
// then lettered columns with base, percent, count, letters and interval lines.
import { describe, expect, it } from 'vitest';
import { analyseCounts } from '../../../src/core/counts/analyse';
import { countsExport } from '../../../src/core/counts/export';
import { parseCountsTable } from '../../../src/core/counts/parse';
import { tableToCsv } from '../../../src/core/export/csv';

describe('the CSV of a table of counts', () => {
  it('carries the figures the page shows, with the notes and the chi-square line', () => {
    const parsed = parseCountsTable(';Men;Women\nYes;45%;38%\nNo;55%;62%\nBase;211;189\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const lines = tableToCsv(countsExport(analyseCounts(parsed.value))).split('\n');
    expect(lines[0]).toBe('Table of counts');
    expect(lines[1]).toMatch(/^"Note: The counts are reconstructed/);
    // chisq.test(matrix(c(94.95, 116.05, 71.82, 117.18), 2), correct = FALSE): X-squared = 2.0095, p = 0.1563
    expect(lines[2]).toBe('"Chi-square: 2.010 with 1 degree of freedom, p = 0.156"');
    expect(lines[3]).toMatch(/^"Significance: Column proportions tested at 95%/);
    expect(lines.slice(6)).toEqual([
      '',
      ',,Men (A),Women (B)',
      'Base (n),Count,211,189',
      'Yes,%,45.0%,38.0%',
      'Yes,Count,94.95,71.82',
      'Yes,Higher than,,',
      'Yes,95% interval,38.4–51.7%,31.4–45.1%',
      'No,%,55.0%,62.0%',
      'No,Count,116.05,117.18',
      'No,Higher than,,',
      'No,95% interval,48.3–61.6%,54.9–68.6%',
      '',
    ]);
  });
});
