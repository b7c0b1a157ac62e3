// A definition's banner meets a survey's table: its numeric questions banded at
// their cut points, its questions named as tabs() takes them (a banded
// question by its band), and every question checked against the table, with
// an error that names the question and what to do. The CLI's --banner and
// --band go through the same functions, so the app, the CLI and a saved
// definition read a banner alike.
import { fail, ok, type Result } from '../result';
import type { Column, RespondentTable } from '../table/types';
import { band, withColumns } from '../tabs/band';
import { findColumn, resolveBanner } from '../tabs/columns';
import type { BannerColumn } from '../tabs/types';
import { problem } from '../messages';
import type { DefinedBand, DefinedBanner } from './definition';

export interface Banded {
  /** The table with one banded column per band (`<question>_band`). */
  table: RespondentTable;
  /** A question's id as the banner uses it: a banded question's band, else its own id (by id or exact text). */
  idOf(name: string): string;
}

/** The table with each band added, and how banner names map to the banded columns. */
export function withBands(table: RespondentTable, bands: readonly DefinedBand[]): Result<Banded> {
  const banded: Column[] = [];
  const bandOf = new Map<string, string>();
  for (const b of bands) {
    const column = band(table, b.question, b.cuts, b.labels);
    if (!column.ok) return column;
    banded.push(column.value);
    bandOf.set(findColumn(table, b.question)!.id, column.value.id);
  }
  const withBanded = banded.length === 0 ? ok(table) : withColumns(table, banded);
  if (!withBanded.ok) return withBanded;
  const data = withBanded.value;
  return ok({
    table: data,
    idOf: (name) => {
      const column = findColumn(data, name);
      return column === undefined ? name : (bandOf.get(column.id) ?? column.id);
    },
  });
}

export interface ResolvedBanner {
  /** The table with the banner's bands added. */
  table: RespondentTable;
  /** The banner as tabs() takes it. */
  columns: BannerColumn[];
}

/** A saved banner against a survey's table: bands made, questions checked, names resolved. */
export function resolveDefinedBanner(
  table: RespondentTable,
  banner: DefinedBanner,
): Result<ResolvedBanner> {
  const bands = withBands(table, banner.bands ?? []);
  if (!bands.ok) return bands;
  const banded = new Set((banner.bands ?? []).map((b) => findColumn(table, b.question)!.id));
  const check = (name: string): Result<string> => {
    const column = findColumn(table, name);
    if (column === undefined || column.type === 'text' || column.id === table.idColumnId) {
      const valid = table.columns
        .filter((c) => c.type !== 'text' && c.id !== table.idColumnId)
        .map((c) => c.id);
      return fail(problem('banner-unknown-question', name, valid));
    }
    if (column.type === 'numeric' && !banded.has(column.id))
      return fail(problem('banner-needs-band', column.id));
    return ok(bands.value.idOf(column.id));
  };
  const columns: BannerColumn[] = [];
  for (const c of banner.columns) {
    const question = check(typeof c === 'string' ? c : c.question);
    if (!question.ok) return question;
    if (typeof c === 'string') {
      columns.push(question.value);
      continue;
    }
    const within = check(c.within);
    if (!within.ok) return within;
    columns.push({ question: question.value, within: within.value });
  }
  // The banner's own rules (nesting single-answer questions only, and the like) are tabs()'.
  const resolved = resolveBanner(bands.value.table, columns);
  if (!resolved.ok) return resolved;
  return ok({ table: bands.value.table, columns });
}

/** Respondent questions that can stand on a banner: single- and multi-answer, and numeric ones once banded. */
export function bannerCandidates(table: RespondentTable): Column[] {
  return table.columns.filter(
    (c) => c.type !== 'text' && c.id !== table.idColumnId && c.id !== table.weightId,
  );
}
