// TEST-ONLY loader for the two reference files (masculinity raw-responses.csv
// and questionr-hdv2003.csv), used until the importer (src/core/pipeline.ts)
// can be relied on: papaparse with a header row, "" and "NA" as missing, and
// columns built exactly as the reference fixture names them, with its label order.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Column, RespondentTable } from '../../../src/core/table/types';
import { multi, numeric, respondents, single } from '../../support/respondents';

export interface ReferenceTable {
  name: string;
  file: string;
  kind: 'single' | 'multi';
  rows?: string;
  question?: string;
  optionColumns?: string[];
  cols: string;
  weight: string | null;
  filter?: { column: string; values: string[] } | null;
  rowLabels: string[];
  colLabels: string[];
  counts: number[][];
  unweightedCounts: number[][];
  colPercents?: number[][];
  rowPercents?: number[][];
  totalPercents?: number[][];
  total: number;
  unweightedTotal: number;
  /** Kish (Σw)²/Σw² per column (the respondents when unweighted): the letters' bases. */
  effectiveBases: number[];
  effectiveTotal: number;
  missingRows?: number;
  missingCols?: number;
  chiSquare?: { statistic: number; df: number; p: number };
  expectedBelow5?: number;
  colBases?: number[];
  colCases?: number[];
  colResponses?: number[];
  colPercentsOfRespondents?: number[][];
  colPercentsOfCases?: number[][];
  colPercentsOfResponses?: number[][];
  tests: string[][];
}

type Row = Record<string, string>;
const cache = new Map<string, Row[]>();

function rowsOf(path: string): Row[] {
  let rows = cache.get(path);
  if (rows === undefined) {
    rows = Papa.parse<Row>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
    cache.set(path, rows);
  }
  return rows;
}

const value = (v: string | undefined): string | null =>
  v === undefined || v === '' || v === 'NA' ? null : v;

/** The respondent table a reference crosstab needs: its row, column, filter and weight questions. */
export function loadReferenceTable(datasetsDir: string, ref: ReferenceTable): RespondentTable {
  const rows = rowsOf(datasetsDir + ref.file);
  const labelsOf = (id: string) =>
    [...new Set(rows.map((r) => value(r[id])).filter((v): v is string => v !== null))].sort();
  const columns: Column[] = [];
  if (ref.kind === 'single') {
    columns.push(
      single(
        ref.rows!,
        rows.map((r) => value(r[ref.rows!])),
        ref.rowLabels,
      ),
    );
  } else {
    const chosen = (v: string | null) => v !== null && v !== 'Not selected' && v !== 'Non';
    columns.push(
      multi(
        ref.question!,
        rows.map((r) => {
          const cells = ref.optionColumns!.map((c) => value(r[c]));
          if (cells.every((c) => c === null)) return null;
          return ref.rowLabels.filter((_, j) => chosen(cells[j]!));
        }),
        ref.rowLabels,
      ),
    );
  }
  columns.push(
    single(
      ref.cols,
      rows.map((r) => value(r[ref.cols])),
      ref.colLabels,
    ),
  );
  if (ref.filter) {
    const id = ref.filter.column;
    columns.push(
      single(
        id,
        rows.map((r) => value(r[id])),
        labelsOf(id),
      ),
    );
  }
  if (ref.weight !== null) {
    const id = ref.weight;
    columns.push(
      numeric(
        id,
        rows.map((r) => (value(r[id]) === null ? null : Number(r[id]))),
      ),
    );
  }
  return respondents(columns);
}
