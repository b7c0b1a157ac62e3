// A table of counts as CSV rows for the one CSV writer (export/csv.ts), laid
// out as a crosstab export is (export/crosstab.ts): a header block (title,
// notes, chi-square, what the letters and intervals mean, source), a blank
// row, then one line per row and measure under lettered column headings.
import { isolate } from '../format/bidi';
import { exportMessages as X, respondentMessages, countsMessages as M } from '../messages';
import type { CountsAnalysis } from './analyse';
import { formatP } from '../format/number';
import { countCell, intervalText, percentText } from './format';

export function countsExport(a: CountsAnalysis): string[][] {
  const t = a.table;
  const header: string[][] = [
    [t.corner === '' ? M.pageTitle : `${M.pageTitle}: ${isolate(t.corner)}`],
  ];
  for (const note of a.notes) header.push([X.note(note)]);
  const chi = a.chiSquare;
  header.push([
    chi === null ? X.chiSquareNone : X.chiSquare(chi.statistic.toFixed(3), chi.df, formatP(chi.p)),
  ]);
  if (a.tests !== null) header.push([X.tests(respondentMessages.testNote)]);
  header.push([X.note(M.intervalNote)]);
  header.push([M.sourceTyped]);

  const heads = t.colLabels.map((label, c) =>
    a.tests === null ? isolate(label) : `${isolate(label)} (${a.letters[c] ?? ''})`,
  );
  const table: string[][] = [['', '', ...heads]];
  table.push([M.baseRow, X.measureCount, ...a.colBases.map(countCell)]);
  t.rowLabels.forEach((raw, r) => {
    const label = isolate(raw);
    table.push([label, X.measurePercent, ...(a.colPercents[r] ?? []).map(percentText)]);
    table.push([label, X.measureCount, ...(t.counts[r] ?? []).map(countCell)]);
    if (a.tests !== null) table.push([label, X.measureSig, ...(a.tests[r] ?? [])]);
    table.push([label, M.interval, ...(a.intervals[r] ?? []).map(intervalText)]);
  });
  return [...header, [], ...table];
}
