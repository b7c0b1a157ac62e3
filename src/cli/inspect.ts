// `inspect <file> [shared flags]`: what the engine reads from a survey file,
// opened by the one door (open.ts), so published files and respondent data are
// read exactly as the app reads them. Published distributions: one entry per
// question and segment, with totals, kinds, flags, the bases the printed
// figures fit and, where a base is known (base_n, else --base), each option's
// Wilson 95% interval. Respondent data: each question's share of respondents
// per option, from the one distribution function (weighted by the decided
// weight): the app's question page digits.
import { formatCount, formatNumber, roundTo } from '../core/format/number';
import { formatPercent } from '../core/format/percent';
import { cliMessages as M, located, problem } from '../core/messages';
import { seriesBases } from '../core/published/bases';
import { marginBase } from '../core/published/marginBase';
import { describePublishedSurvey } from '../core/published/describe';
import type {
  DescribedPublishedOption,
  DescribedSeries,
  DescribedSurvey,
} from '../core/published/describe';
import type { PublishedSurvey } from '../core/published/types';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';
import type { Interval } from '../core/stats/wilson';
import { wilsonPercent } from '../core/stats/wilson';
import { describeRespondentTable } from '../core/table/describe';
import type { DescribedTable } from '../core/table/describe';
import type { InspectArgs } from './args';
import { openSurvey } from './open';
import { printJson, runCommand } from './run';

/** A published series as inspect prints it: described, with bases and intervals. */
export type InspectedSeries = Omit<DescribedSeries, 'options'> & {
  /** The bases the printed figures fit, up to 10,000; null when no figure says anything. */
  bases: {
    smallest: number | null;
    candidates: number[];
    searchedUpTo: number;
    count: number;
  } | null;
  /** The base behind `ci`: the file's base_n, else --base; null when neither. */
  ciBase: { n: number; from: 'base_n' | '--base'; deff: number } | null;
  options: (DescribedPublishedOption & {
    /** Wilson 95% interval in percent (2 decimals); null without a base, a number, or for "30+%". */
    ci: Interval | null;
  })[];
};

export type Inspected =
  | ({ file: string } & Omit<DescribedSurvey, 'questions'> & {
        questions: InspectedSeries[];
        warnings: string[];
      })
  | ({ file: string; format: 'respondents' } & {
      title: string;
      notice: string | null;
      source: string | null;
      rowCount: number;
      /** The decided weight every share is weighted by, or null. */
      weight: string | null;
      /** The load's warnings, e.g. a column that looks like a weight but is not chosen. */
      warnings: string[];
      questions: DescribedTable['questions'];
    });

export function runInspect(argv: readonly string[]): Promise<number> {
  return runCommand('inspect', argv, async (args) => {
    const result = await inspectFile(args);
    if (!result.ok) return result;
    return ok(args.json ? printJson(result.value) : humanSummary(result.value));
  });
}

/** Opens a survey file as the app does and describes it. */
export async function inspectFile(args: Omit<InspectArgs, 'json'>): Promise<Result<Inspected>> {
  const opened = await openSurvey(args);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  if (loaded.kind === 'distribution') {
    const described = describePublishedSurvey(loaded.survey);
    return ok({
      file: args.file,
      ...described,
      questions: inspectSeries(loaded.survey, described, args),
      warnings: loaded.detected.warnings,
    });
  }
  const published = [
    ...(args.base === undefined ? [] : ['--base']),
    ...(args.deff === undefined ? [] : ['--deff']),
  ];
  if (published.length > 0)
    return fail(located({ file: args.file }, problem('cli-published-flags', published)));
  const table = loaded.table;
  const described = describeRespondentTable(table);
  return ok({
    file: args.file,
    format: 'respondents',
    title: table.meta.title,
    notice: table.meta.notice,
    source: table.meta.source,
    rowCount: described.rowCount,
    weight: described.weight,
    warnings: loaded.detected.warnings,
    questions: described.questions.map((q) => ({
      ...q,
      options: q.options.map((o) => ({
        ...o,
        percent: o.percent === null ? null : Math.round(o.percent * 100) / 100,
      })),
    })),
  });
}

/** Each described series (questions × segments, in order) with its bases and intervals. */
function inspectSeries(
  survey: PublishedSurvey,
  described: DescribedSurvey,
  args: Pick<InspectArgs, 'base' | 'deff'>,
): InspectedSeries[] {
  const series = survey.questions.flatMap((q) => q.series);
  const deff = args.deff ?? 1;
  return described.questions.map((d, i) => {
    const s = series[i]!;
    const b = seriesBases(s);
    // The app's rule (marginBase), without the smallest consistent base: the
    // JSON's `ci` is null unless a base is stated or given.
    const chosen = marginBase(s.baseN, args.base ?? null, null);
    const ciBase =
      chosen === null
        ? null
        : {
            n: chosen.n,
            from: chosen.from === 'stated' ? ('base_n' as const) : ('--base' as const),
            deff,
          };
    return {
      ...d,
      options: d.options.map((o, j) => {
        const p = s.options[j]?.percent ?? null;
        const ci =
          ciBase === null || p === null || p.lowerBound
            ? null
            : wilsonPercent(p.value, ciBase.n, deff);
        return {
          ...o,
          ci: ci === null ? null : { low: roundTo(ci.low, 2), high: roundTo(ci.high, 2) },
        };
      }),
      bases:
        b === null
          ? null
          : {
              smallest: b.smallest,
              candidates: b.candidates,
              searchedUpTo: b.searchedUpTo,
              count: b.count,
            },
      ciBase,
    };
  });
}

function humanSummary(r: Inspected): string {
  const out: string[] = [];
  if (r.format === 'distribution') {
    const m = r.survey;
    out.push(m.title);
    const by = [m.publisher, m.date].filter((x): x is string => x !== null).join(', ');
    if (by !== '') out.push(by);
    const count = new Set(r.questions.map((q) => q.id)).size;
    out.push(M.summaryPublished(count, r.questions.length, r.file));
    for (const w of r.warnings) out.push(M.warning(w));
    out.push('');
    for (const q of r.questions) {
      const kind = q.kindInferred ? M.kindInferred(q.kind) : q.kind;
      const total =
        q.total === null
          ? M.noFigures
          : M.total(q.totalLowerBound, formatPercent(q.total, q.totalDecimals));
      out.push(`${q.id}${q.segment === null ? '' : ` [${q.segment}]`}  ${q.text}`);
      out.push(`    ${kind}, ${total}, ${M.optionCount(q.options.length)}`);
      if (q.bases !== null)
        out.push(
          `    ${
            q.bases.smallest === null
              ? M.noBaseFits(formatCount(q.bases.searchedUpTo))
              : M.basesFit(q.bases.candidates.map(formatCount), q.bases.count)
          }`,
        );
      for (const f of q.flags) out.push(`    ${f.severity}: ${f.message}`);
    }
  } else {
    out.push(r.title);
    if (r.notice !== null) out.push(r.notice);
    out.push(M.summaryRespondents(r.rowCount, r.file, r.weight));
    for (const w of r.warnings) out.push(M.warning(w));
    out.push('');
    for (const q of r.questions) {
      const weighted = q.weighted === null ? null : formatNumber(q.weighted, 1);
      out.push(
        q.text === q.id ? q.id : `${q.id}  ${q.text}`,
        `    ${M.answered(q.kind, q.answered, weighted)}`,
      );
      if (q.memberOf !== null) out.push(`    ${M.memberOf(q.memberOf)}`);
      for (const o of q.options.slice(0, 8)) {
        out.push(`    ${o.percent === null ? '–' : formatPercent(o.percent, 1)}  ${o.label}`);
      }
      if (q.options.length > 8) out.push(`    ${M.moreOptions(q.options.length - 8)}`);
      for (const w of q.warnings) out.push(`    ${M.warning(w)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
