// Stage 3 and 4 of the import pipeline (pipeline.ts): rows arrive from the
// tokenizer; the first ones are sampled, the shape and the schema are decided
// from them (detection, then the survey definition, then the user's changes),
// and once decided every row streams into the table's encoders.
import { definitionMessages, problem, type ErrorArgs, type ErrorCode } from './messages';
import { applyDefinition } from './definition/apply';
import { decidePasted } from './counts/pastedDecision';
import type { PastedQuestion } from './counts/pastedQuestion';
import { fileStem } from './surveys';
import { ok } from './result';
import type { SurveyError } from './result';
import { resolveHeader } from './schema/header';
import { inferSchema } from './schema/infer';
import { applyOverrides } from './schema/overrides';
import { detectShape } from './schema/shape';
import type { Schema, SchemaOverride } from './schema/types';
import { createTableBuilder } from './table/encode';
import type { TableBuilder } from './table/encode';
import type { RespondentMeta } from './table/types';
import type { Detected, LoadOptions } from './pipeline';

/** Rows shown in the import preview. */
export const PREVIEW_ROWS = 200;
const DEFAULT_SAMPLE = 1000;

/** The error `code` names (its one message, filled with `args`), at a place in a file. */
export function err<C extends ErrorCode>(
  code: C,
  args: ErrorArgs<C>,
  file: string,
  line?: number,
  column?: number,
): SurveyError {
  const e: SurveyError = { ...problem(code, ...args), file };
  if (line !== undefined) e.line = line;
  if (column !== undefined) e.column = column;
  return e;
}

/** Receives rows from the tokenizer: samples, then (3) infers and (4) streams into encoders. */
export class RowSink {
  rows: string[][] = [];
  lines: number[] = [];
  previewRows: string[][] = [];
  schema: Schema | null = null;
  /** Decided to be one published question (counts/pastedDecision.ts): no schema, no table. */
  pasted: PastedQuestion | null = null;
  /** The data rows the schema was inferred from (kept for the preview only). */
  sample: string[][] = [];
  builder: TableBuilder | null = null;
  error: SurveyError | null = null;
  stopped = false;
  stoppedEarly = false;
  dataRows = 0;
  /** The builder is ready: the tokenizer stopped so that the fused parser reads the rest. */
  handOff = false;
  /** Data rows read before the fused parser took over. */
  fusedFrom = 0;
  width = 0;
  private decided = false;
  private readonly sampleSize: number;

  constructor(
    private readonly opts: LoadOptions,
    private readonly detected: Detected,
    private readonly preview: boolean,
    private readonly totalBytes: number,
    private readonly decimalComma: boolean,
  ) {
    this.sampleSize = Math.max(1, opts.sampleRows ?? DEFAULT_SAMPLE);
  }

  onRow(cells: string[], line: number): void | false {
    if (this.error !== null || this.stopped) return false;
    if (cells.length === 1 && cells[0] === '') return; // blank line
    if (this.builder !== null) {
      if (!this.checkWidth(cells, line)) return false;
      this.builder.push(cells);
      this.dataRows++;
      return;
    }
    if (this.decided && this.preview) {
      this.stopped = this.stoppedEarly = true;
      return false;
    }
    this.rows.push(cells.slice());
    this.lines.push(line);
    if (!this.decided && this.rows.length >= this.sampleSize + 2) {
      this.decide();
      if (this.builder !== null && this.error === null && this.opts.fused !== false) {
        this.handOff = true;
        return false;
      }
    }
    return this.error === null ? undefined : false;
  }

  finishSample(): void {
    if (!this.decided) this.decide();
  }

  private checkWidth(cells: readonly string[], line: number): boolean {
    const w = this.width;
    if (cells.length === w) return true;
    if (cells.length > w) {
      let extra = w;
      while (extra < cells.length && cells[extra] === '') extra++;
      if (extra === cells.length) return true;
    }
    this.error = err(
      'import-ragged-row',
      [line, cells.length, w],
      this.opts.file,
      line,
      Math.min(cells.length, w) + 1,
    );
    return false;
  }

  // 3 infer: shape, then schema; then 4 encode the sampled rows
  private decide(): void {
    this.decided = true;
    const file = this.opts.file;
    if (this.rows.length === 0) {
      this.error = err('import-empty', [], file);
      return;
    }
    // A definition that says the rows are respondents decides the shape, as the user's choice does.
    const shape =
      this.opts.shape ??
      (this.opts.definition?.content === 'respondents' ? 'respondents' : detectShape(this.rows));
    const shapeName = typeof shape === 'string' ? shape : shape.shape;
    this.detected.shape = shapeName;
    if (typeof shape !== 'string') this.detected.shapeReason = shape.reason;
    if (this.preview) this.previewRows = this.rows.slice(0, PREVIEW_ROWS + 2);
    if (shapeName !== 'respondents') return;
    // Two columns of labels and percents: one published question, when decided so.
    const pasted = decidePasted(
      this.rows,
      this.lines,
      this.opts.definition,
      this.rows.length < this.sampleSize + 2,
      this.opts.shape !== undefined,
      file,
    );
    if (!pasted.ok) {
      this.error = pasted.error;
      return;
    }
    this.pasted = pasted.value;
    // The preview goes on to read the rows as respondents too: the user decides there.
    if (this.pasted !== null && !this.preview) return;

    const header = resolveHeader(this.rows, file);
    if (!header.ok) {
      this.error = header.error;
      return;
    }
    const { names, headerLines, warnings } = header.value;
    this.width = names.length;
    const widths = new Set(this.rows.slice(0, 50).map((r) => r.length));
    if (
      (names.length === 1 || (widths.size > 1 && names.length <= 3)) &&
      looksLikeProse(this.rows)
    ) {
      this.error = err('import-not-csv', [], file, 1);
      return;
    }
    const sample = this.rows.slice(headerLines);
    // ",,,," rows are a grid of nothing: refuse it rather than import empty questions.
    if (this.rows.every((r) => r.every((c) => c.trim() === ''))) {
      this.error = err('import-no-data', [], file, 1);
      return;
    }
    for (let i = 0; i < sample.length; i++)
      if (
        !this.checkWidth(sample[i] as string[], this.lines[i + headerLines] ?? i + headerLines + 1)
      )
        return;
    const definition = this.opts.definition;
    const inferred = inferSchema({
      names,
      headerLines,
      rows: sample,
      missingTokens: definition?.missing ?? this.opts.missingTokens,
      decimalComma: this.decimalComma,
      warnings,
    });
    // Detection proposes; the definition, then the user's own changes, decide.
    const defined =
      definition === undefined ? ok(inferred) : applyDefinition(inferred, definition, file, sample);
    if (!defined.ok) {
      this.error = defined.error;
      return;
    }
    const overrides: SchemaOverride[] = [...(this.opts.schemaOverrides ?? [])];
    if (this.opts.weightId !== undefined)
      overrides.unshift({ type: 'weight', id: this.opts.weightId });
    if (this.opts.idColumnId !== undefined)
      overrides.unshift({ type: 'id', id: this.opts.idColumnId });
    const schema = applyOverrides(defined.value, overrides, file, sample);
    if (!schema.ok) {
      this.error = schema.error;
      return;
    }
    this.schema = schema.value;
    if (this.preview) this.sample = sample;
    this.detected.warnings.push(...schema.value.warnings);
    const weightDecided =
      definition?.weight !== undefined || overrides.some((o) => o.type === 'weight');
    const proposed = schema.value.proposedWeightId;
    if (!weightDecided && schema.value.weightId === null && proposed !== null)
      this.detected.warnings.push(definitionMessages.weightProposed(proposed));
    if (this.preview) return;
    this.builder = createTableBuilder(this.schema, this.meta(), this.capacityHint(sample));
    for (const row of sample) this.builder.push(row);
    this.dataRows = sample.length;
    this.rows = [];
    this.lines = [];
  }

  private meta(): RespondentMeta {
    const def = this.opts.definition;
    return {
      title: def?.title ?? fileStem(this.opts.file),
      notice: def?.notice ?? null,
      source: def?.source ?? null,
    };
  }

  private capacityHint(sample: readonly string[][]): number {
    let chars = 0;
    for (const r of sample) for (const c of r) chars += c.length + 1;
    const perRow = Math.max(1, chars / Math.max(1, sample.length));
    return Math.min(64 * 1024 * 1024, Math.ceil(this.totalBytes / perRow) + 16);
  }
}

function looksLikeProse(rows: readonly string[][]): boolean {
  const cells = rows.slice(0, 50).map((r) => r.join(' '));
  const long = cells.filter((c) => c.length > 60 || c.split(' ').length > 8).length;
  return long >= Math.max(1, cells.length / 2);
}
