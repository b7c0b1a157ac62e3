// crosstab(): one question against another (or against a Total column), with
// weights, a filter, nets, multi-answer bases, chi-square and column letters.
// The letters are a tab book's for a banner of one group (tabs/letters.ts:
// pairwise, Bonferroni, 95%, on Kish effective bases when weighted), so a tab
// book's banner group and the crosstab of that pair agree cell for cell.
// banner(): one question against many, counted together block by block.
import type { RespondentTable } from '../table/types';
import { ok, type Result } from '../result';
import { respondentMessages as M } from '../messages';
import { numericColumn } from '../filter/columns';
import { countPassing, type FilterCondition } from '../filter/filter';
import { excludedExamples, filterMask, usableWeights } from './include';
import { pearsonChiSquare } from '../stats/chisquare';
import { columnLetter } from '../stats/proportions';
import { kish } from '../tabs/effective';
import { columnProportionTests } from '../tabs/letters';
import { resolveAxis, TOTAL_AXIS, type ResolvedAxis } from './axis';
import type { CrosstabHelper } from './split';
import { planTallies, type TallyPlan } from './tallies';
import type { Tally } from './tally';
import type { AxisSpec, Crosstab, CrosstabSpec } from './types';

const SMALL_BASE = 30;

export function crosstab(table: RespondentTable, spec: CrosstabSpec): Result<Crosstab> {
  return firstTable(banner(table, spec.rows, [spec.cols], spec));
}

/** crosstab(), with `helper` tallying the second part of the respondents (see bannerWith). */
export async function crosstabWith(
  table: RespondentTable,
  spec: CrosstabSpec,
  helper: CrosstabHelper | null,
): Promise<Result<Crosstab>> {
  return firstTable(await bannerWith(table, spec.rows, [spec.cols], spec, helper));
}

const firstTable = (result: Result<Crosstab[]>): Result<Crosstab> =>
  result.ok ? ok(result.value[0]!) : result;

export interface BannerOptions {
  weightId?: string | null;
  filter?: readonly FilterCondition[];
  tests?: boolean;
}

/**
 * One row question against several column questions (null = a Total column),
 * counted together over blocks of respondents; each table equals crosstab()
 * of its column question. Questions may be given by id, by
 * exact text, or as an AxisSpec with nets. Both parts of the respondents
 * (split.ts) are tallied on this thread; bannerWith() lets another thread
 * tally the second.
 */
export function banner(
  table: RespondentTable,
  rows: string | AxisSpec,
  cols: readonly (string | AxisSpec | null)[],
  opts: BannerOptions = {},
): Result<Crosstab[]> {
  const started = startBanner(table, rows, cols, opts);
  if (!started.ok) return started;
  const { plan, finish } = started.value;
  plan.count();
  return ok(finish(plan.job === null ? null : plan.countJob()));
}

/**
 * banner(), with `helper` (another thread holding the same table) tallying
 * the second part of the respondents (split.ts) while this thread tallies the
 * first: the same numbers, to the last bit, in about half the time. If the
 * helper fails, or answers with tallies of another shape, this thread tallies
 * that part too.
 */
export async function bannerWith(
  table: RespondentTable,
  rows: string | AxisSpec,
  cols: readonly (string | AxisSpec | null)[],
  opts: BannerOptions,
  helper: CrosstabHelper | null,
): Promise<Result<Crosstab[]>> {
  const started = startBanner(table, rows, cols, opts);
  if (!started.ok) return started;
  const { plan, finish } = started.value;
  // Handed on first, so that the other thread counts while this one does.
  const job = plan.job;
  const elsewhere = helper === null || job === null ? null : helper.count(job).catch(() => null);
  plan.count();
  if (job === null) return ok(finish(null));
  const part: unknown = elsewhere === null ? null : await elsewhere;
  return ok(finish(plan.fits(part) ? part : plan.countJob()));
}

/** A banner resolved and planned: its counting still to do, then its tables. */
function startBanner(
  table: RespondentTable,
  rows: string | AxisSpec,
  cols: readonly (string | AxisSpec | null)[],
  opts: BannerOptions,
): Result<{ plan: TallyPlan; finish: (part: readonly Tally[] | null) => Crosstab[] }> {
  const spec = (q: string | AxisSpec): AxisSpec => (typeof q === 'string' ? { questionId: q } : q);
  const rowSpec = spec(rows);
  const colSpecs = cols.map((c) => (c === null ? null : spec(c)));
  const rowAxis = resolveAxis(table, rowSpec);
  if (!rowAxis.ok) return rowAxis;
  const colAxes: ResolvedAxis[] = [];
  for (const c of colSpecs) {
    if (c === null) {
      colAxes.push(TOTAL_AXIS);
      continue;
    }
    const axis = resolveAxis(table, c);
    if (!axis.ok) return axis;
    colAxes.push(axis.value);
  }
  const conditions = opts.filter ?? [];
  const filter = filterMask(table, conditions);
  if (!filter.ok) return filter;
  const weightId = opts.weightId === undefined ? table.weightId : opts.weightId;
  let weights: Float64Array | null = null;
  let include = filter.value;
  const filteredOut = include === null ? 0 : table.rowCount - countPassing(include);
  let weightExcluded = 0;
  let weightExamples: string[] = [];
  if (weightId !== null) {
    const column = numericColumn(table, weightId);
    if (!column.ok) return column;
    weights = column.value.values;
    const valid = usableWeights(weights, table.rowCount);
    if (valid !== null) {
      const before = include === null ? table.rowCount : countPassing(include);
      const passing = include;
      // A new mask: the filter's stays as it was, to name who the weight left out.
      include = passing === null ? valid : passing.map((v, w) => v & valid[w]!);
      weightExcluded = before - countPassing(include);
      weightExamples = excludedExamples(table, passing, include);
    }
  }
  const plan = planTallies(
    table.rowCount,
    rowAxis.value,
    colAxes,
    { rows: rowSpec, cols: colSpecs },
    include,
    weights,
    weightId,
  );
  const filterText = conditions.map((c) => {
    const column = table.columns.find((x) => x.id === c.questionId || x.text === c.questionId);
    const labels = column !== undefined && 'labels' in column ? column.labels : [];
    return M.baseCondition(
      column?.text ?? c.questionId,
      c.options.map((o) => labels[o] ?? String(o)),
    );
  });
  const finish = (part: readonly Tally[] | null): Crosstab[] => {
    const tallies = plan.finish(part);
    return colAxes.map((colAxis, k) =>
      assemble(table, rowAxis.value, colAxis, tallies[k]!, {
        weightId,
        tests: opts.tests !== false,
        filterText,
        filteredOut,
        weightExcluded,
        weightExamples,
      }),
    );
  };
  return ok({ plan, finish });
}

interface AssembleContext {
  weightId: string | null;
  tests: boolean;
  filterText: string[];
  filteredOut: number;
  weightExcluded: number;
  /** Who they are: the first few respondent ids (or row numbers). */
  weightExamples: string[];
}

const percent = (num: number, den: number): number => (den > 0 ? (100 * num) / den : NaN);

function assemble(
  table: RespondentTable,
  rows: ResolvedAxis,
  cols: ResolvedAxis,
  tally: Tally,
  ctx: AssembleContext,
): Crosstab {
  const rowsMulti = rows.info.question.type === 'multi';
  const colsMulti = cols.info.question.type === 'multi';
  const { counts, unweightedCounts, rowBases, colBases, total, uTotal, missing } = tally;
  const { uRowBases, uColBases, colCases, colResponses, rowCases, rowResponses } = tally;
  const weighted = ctx.weightId !== null;
  // Kish's effective bases (Σw)²/Σw²; unweighted, the respondents themselves.
  const effectiveBases = weighted
    ? colBases.map((w, c) => kish(w, tally.colSquares[c]!))
    : [...uColBases];
  const effectiveTotal = weighted ? kish(total, tally.totalSquares) : uTotal;

  const colPercents = counts.map((row) => row.map((v, c) => percent(v, colBases[c]!)));
  const rowPercents = counts.map((row, r) => row.map((v) => percent(v, rowBases[r]!)));
  const totalPercents = counts.map((row) => row.map((v) => percent(v, total)));
  const warnings: string[] = [];

  // Chi-square over option cells of two single-answer questions.
  let chiSquare: Crosstab['chiSquare'] = null;
  let expectedBelow5: Crosstab['expectedBelow5'] = null;
  if (cols.info.question.type === 'total') {
    // A single question: no test of independence.
  } else if (rowsMulti || colsMulti) {
    warnings.push(M.chiSquareUndefinedMulti);
  } else {
    const cells = counts.slice(0, rows.optionCount).map((row) => row.slice(0, cols.optionCount));
    const chi = pearsonChiSquare(cells);
    // Say why, where the table decides it: a row or column without respondents
    // is left out of the test, and fewer than two of either leave no test at all.
    const rowsWith = rows.info.labels
      .slice(0, rows.optionCount)
      .filter((_, r) => uRowBases[r]! > 0);
    const colsWith = cols.info.labels
      .slice(0, cols.optionCount)
      .filter((_, c) => uColBases[c]! > 0);
    const emptyRows = rows.info.labels
      .slice(0, rows.optionCount)
      .filter((_, r) => !(uRowBases[r]! > 0));
    const emptyCols = cols.info.labels
      .slice(0, cols.optionCount)
      .filter((_, c) => !(uColBases[c]! > 0));
    if (chi === null) {
      warnings.push(
        rowsWith.length < 2
          ? M.chiSquareDegenerate('rows', rowsWith)
          : M.chiSquareDegenerate('columns', colsWith),
      );
    } else {
      if (emptyRows.length > 0) warnings.push(M.chiSquareLeftOut('row', emptyRows));
      if (emptyCols.length > 0) warnings.push(M.chiSquareLeftOut('column', emptyCols));
    }
    if (chi !== null) {
      chiSquare = { statistic: chi.statistic, df: chi.df, p: chi.p };
      expectedBelow5 = { cells: chi.expectedBelow5, share: chi.expectedBelow5 / chi.cells };
      if (chi.expectedBelow5 > 0) warnings.push(M.expectedBelow5(chi.expectedBelow5, chi.cells));
      if (weighted) warnings.push(M.chiSquareWeighted);
    }
  }

  const letters = cols.info.labels.map((_, c) => columnLetter(c));
  let tests: string[][] | null = null;
  let testNote: string | null = null;
  if (ctx.tests && cols.info.question.type !== 'total' && cols.info.labels.length > 1) {
    const testable = cols.info.isNet.map((isNet) => !isNet);
    tests = counts.map((row) =>
      columnProportionTests(
        row.map((v, c) => (colBases[c]! > 0 ? v / colBases[c]! : NaN)),
        effectiveBases,
        testable,
        letters,
      ),
    );
    testNote =
      M.testNote + (weighted ? M.testNoteWeighted : '') + (colsMulti ? M.testNoteMultiCols : '');
  }

  const smallBase = uColBases.map((n) => n < SMALL_BASE);
  const small = cols.info.labels.filter((_, c) => smallBase[c]);
  if (small.length > 0) warnings.push(M.smallBase(small));
  if (ctx.weightExcluded > 0 && ctx.weightId !== null) {
    warnings.push(M.weightExcluded(ctx.weightExcluded, ctx.weightId, ctx.weightExamples));
  }

  let subject = ctx.filterText.length === 0 ? M.baseAll : M.baseWhere(ctx.filterText);
  if (missing.excluded > 0) {
    subject += ` ${M.baseAnswered(cols.info.question.type !== 'total')}`;
  }

  const multiPercents = (bases: number[], byCol: boolean, netsNaN: boolean) =>
    counts.map((row, r) =>
      row.map((v, c) =>
        netsNaN && (byCol ? rows.info.isNet[r] : cols.info.isNet[c])
          ? NaN
          : percent(v, byCol ? bases[c]! : bases[r]!),
      ),
    );

  return {
    rows: rows.info,
    cols: cols.info,
    counts,
    unweightedCounts,
    rowBases,
    colBases,
    total,
    unweightedRowBases: uRowBases,
    unweightedColBases: uColBases,
    unweightedTotal: uTotal,
    effectiveBases,
    effectiveTotal,
    colSquares: tally.colSquares,
    totalSquares: tally.totalSquares,
    colPercents,
    rowPercents,
    totalPercents,
    rowBasePercents: rowBases.map((b) => percent(b, total)),
    multi: { rows: rowsMulti, cols: colsMulti },
    colPercentsOfCases: rowsMulti ? multiPercents(colCases, true, false) : null,
    colPercentsOfRespondents: rowsMulti ? colPercents : null,
    colPercentsOfResponses: rowsMulti ? multiPercents(colResponses, true, true) : null,
    colCases: rowsMulti ? colCases : null,
    colResponses: rowsMulti ? colResponses : null,
    rowPercentsOfCases: colsMulti ? multiPercents(rowCases, false, false) : null,
    rowPercentsOfRespondents: colsMulti ? rowPercents : null,
    rowPercentsOfResponses: colsMulti ? multiPercents(rowResponses, false, true) : null,
    missing: {
      ...missing,
      weight: ctx.weightExcluded,
      filteredOut: ctx.filteredOut,
    },
    base: {
      description: M.base(
        subject,
        uTotal,
        weighted ? total : null,
        weighted ? effectiveTotal : null,
      ),
      n: uTotal,
      weighted: weighted ? total : null,
      effective: weighted ? effectiveTotal : null,
    },
    chiSquare,
    expectedBelow5,
    letters,
    tests,
    testNote,
    smallBase,
    weightId: ctx.weightId,
    notice: table.meta.notice,
    warnings,
  };
}
