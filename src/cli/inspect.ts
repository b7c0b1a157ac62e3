// `inspect <file> [shared flags]`: what the engine reads from a survey file,
// opened by the one door (open.ts), so published files and respondent data are
// read exactly as the app reads them. Published distributions: one entry per
// question and segment, with totals, kinds and flags. Respondent data: each
// question's share of respondents per option, from the one distribution
// function (weighted by the decided weight): the app's question page digits.
import { formatNumber, formatPercent } from '../core/format/percent';
import { cliMessages as M } from '../core/messages';
import { describePublishedSurvey } from '../core/published/describe';
import type { DescribedSurvey } from '../core/published/describe';
import { ok } from '../core/result';
import type { Result } from '../core/result';
import { describeRespondentTable } from '../core/table/describe';
import type { DescribedTable } from '../core/table/describe';
import type { FileArgs } from './args';
import { openSurvey } from './open';
import { printJson, runCommand } from './run';

export type Inspected =
  | ({ file: string } & DescribedSurvey & { warnings: string[] })
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
export async function inspectFile(args: Omit<FileArgs, 'json'>): Promise<Result<Inspected>> {
  const opened = await openSurvey(args);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  if (loaded.kind === 'distribution') {
    return ok({
      file: args.file,
      ...describePublishedSurvey(loaded.survey),
      warnings: loaded.detected.warnings,
    });
  }
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
