// A respondent survey as a Parquet file, for a warehouse, a notebook or DuckDB,
// and back. One column per source column, named as the survey definition
// names it, holding what a CSV of the survey would hold:
// - single-answer and text questions: their answers' labels (STRING);
// - numeric questions, the weight and a numeric respondent id: DOUBLE;
// - a multi-answer question in one cell: the chosen labels joined by its separator;
// - a battery: its member columns, each its own question already.
// Missing answers are nulls. The definition itself (formatDefinition's JSON)
// is stored in the file's key-value metadata under "survey-workbench-definition",
// so reading the file back (this app's Parquet reader applies it) gives the same
// table, cell for cell. Rows go out in row groups of 100,000, each built, written
// and dropped in turn, so a large survey never exists as one set of JS arrays.
// hyparquet-writer is pure JavaScript (snappy included); this module is loaded
// with import() the first time someone exports (see index.ts).
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { formatDefinition, type SurveyDefinition } from '../definition/definition';
import { patternLabels } from '../table/patterns';
import type { Column, MultiColumn, RespondentTable } from '../table/types';
import { PARQUET_DEFINITION_KEY } from './index';

const ROW_GROUP = 100_000;

/** One output column: its name and how each respondent's value is made. */
interface Output {
  name: string;
  type: 'STRING' | 'DOUBLE';
  value: (row: number) => string | number | null;
}

/** The survey as Parquet bytes, with its definition in the file's metadata. */
export function writeParquet(
  table: RespondentTable,
  definition: SurveyDefinition,
): Uint8Array<ArrayBuffer> {
  const outputs = outputsOf(table, definition);
  const schema = schemaFromColumnData({
    columnData: outputs.map((o) => ({ name: o.name, data: [], type: o.type, nullable: true })),
  });
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema,
    codec: 'SNAPPY',
    // Min/max per chunk cost a sixth of the writing time and prune nothing in columns of
    // answer labels; the engines that want them compute their own on load.
    statistics: false,
    kvMetadata: [{ key: PARQUET_DEFINITION_KEY, value: formatDefinition(definition) }],
    createdBy: 'Survey Workbench',
  });
  for (let start = 0; start < table.rowCount; start += ROW_GROUP) {
    const end = Math.min(table.rowCount, start + ROW_GROUP);
    const columnData = outputs.map((o) => {
      const data = new Array<string | number | null>(end - start);
      for (let i = start; i < end; i++) data[i - start] = o.value(i);
      return { name: o.name, data };
    });
    void parquet.write({ columnData, rowGroupSize: end - start });
  }
  void parquet.finish();
  return new Uint8Array(writer.getBuffer());
}

/**
 * The source columns in the table's order: each question that reads one column
 * on its own (as the definition records it), the weight and the id. Batteries
 * need nothing more, since each of their columns is such a question.
 */
function outputsOf(table: RespondentTable, def: SurveyDefinition): Output[] {
  const byId = new Map((def.questions ?? []).map((q) => [q.id, q]));
  const taken = new Set<string>();
  const outputs: Output[] = [];
  for (const column of table.columns) {
    let name: string | undefined;
    let separator: string | undefined;
    if (column.id === table.weightId) name = def.weight ?? column.id;
    else if (column.id === table.idColumnId) name = def.id ?? column.id;
    else {
      const dq = byId.get(column.id);
      if (dq === undefined) name = column.type === 'multi' ? undefined : column.id;
      else if (dq.columns.length === 1 && (dq.kind !== 'multi' || dq.separator !== undefined)) {
        name = dq.columns[0];
        separator = dq.separator;
      }
    }
    if (name === undefined || taken.has(name)) continue;
    const output = outputOf(column, name, separator);
    if (output === null) continue;
    taken.add(name);
    outputs.push(output);
  }
  return outputs;
}

function outputOf(column: Column, name: string, separator: string | undefined): Output | null {
  switch (column.type) {
    case 'numeric': {
      const values = column.values;
      return {
        name,
        type: 'DOUBLE',
        value: (i) => {
          const x = values[i]!;
          return Number.isNaN(x) ? null : x;
        },
      };
    }
    case 'single':
    case 'text': {
      const { labels, codes } = column;
      return {
        name,
        type: 'STRING',
        value: (i) => {
          const code = codes[i]!;
          return code === 0 ? null : labels[code - 1]!;
        },
      };
    }
    case 'multi':
      return separator === undefined ? null : joined(column, name, separator);
  }
}

/** Each respondent's chosen options joined by the separator; a pattern with none chosen is the separator alone. */
function joined(column: MultiColumn, name: string, separator: string): Output {
  const texts: string[] = [];
  for (let p = 1; p <= column.patternCount; p++) {
    const chosen = patternLabels(column, p);
    texts.push(chosen.length === 0 ? separator : chosen.join(separator));
  }
  const patternOf = column.patternOf;
  return {
    name,
    type: 'STRING',
    value: (i) => {
      const p = patternOf[i]!;
      return p === 0 ? null : texts[p - 1]!;
    },
  };
}
