// A link may name a survey or question that is not (or no longer) in the
// library. Resolve it to the nearest valid view and say what happened.
import { splitFirst } from './values';
import { HOME, type ViewState } from './view';
import type { Library } from '../models/library';
import { canonicalOptions } from '../models/canonicalOptions';
import { crosstabTable } from '../models/crosstabModel';
import { linkMessages as M, tabBookMessages as TM } from '../../core/messages';

export interface Resolved {
  view: ViewState;
  problem: string | null;
}

export function resolveView(state: ViewState, library: Library): Resolved {
  if (state.page === 'library' || state.page === 'flags' || state.page === 'counts') {
    return {
      view: { ...state, survey: null, question: null, nets: [], compare: [] },
      problem: null,
    };
  }
  const entry =
    state.survey === null ? undefined : library.entries.find((e) => e.id === state.survey);
  if (!entry) {
    return {
      view: HOME,
      problem: state.survey === null ? M.noSurvey : M.surveyMissing(state.survey),
    };
  }
  if (state.page === 'survey') {
    return { view: { ...state, question: null, nets: [], compare: [] }, problem: null };
  }
  if (state.page === 'crosstab') return resolveCrosstab(state, entry);
  if (state.page === 'tabs') return resolveTabs(state, entry);
  const question = entry.questions.find((q) => q.id === state.question);
  if (!question) {
    return {
      view: { ...state, page: 'survey', question: null, nets: [], compare: [] },
      problem: M.questionMissing(state.question ?? '', entry.title),
    };
  }
  // Nets must name options that exist; drop the ones that don't, and say so.
  // Net indexes point into the canonical list (every label of every segment).
  const optionCount = canonicalOptions(question).length;
  const nets = state.nets.filter((n) =>
    n.every((i) => Number.isInteger(i) && i >= 0 && i < optionCount),
  );
  const compare = state.compare.filter((ref) => findQuestion(library, ref) !== null);
  const problems = [
    nets.length === state.nets.length ? null : M.netsDropped,
    compare.length === state.compare.length ? null : M.compareDropped,
  ].filter((p) => p !== null);
  return {
    view: { ...state, nets, compare },
    problem: problems.length ? problems.join(' ') : null,
  };
}

/** Find "survey:question" in the library. Survey ids hold no ":"; question ids may. */
export function findQuestion(library: Library, ref: string) {
  const [surveyId, questionId] = splitFirst(ref, ':');
  const entry = library.entries.find((e) => e.id === surveyId);
  const question = entry?.questions.find((q) => q.id === questionId);
  return entry && question ? { entry, question } : null;
}

/** A crosstab needs respondent data and questions that exist in it. */
function resolveCrosstab(state: ViewState, entry: Library['entries'][number]): Resolved {
  // The crosstab's questions include each multi-answer question's number of answers chosen.
  const table = entry.table ? crosstabTable(entry.table) : null;
  if (!table) {
    return {
      view: { ...state, page: 'survey', question: null },
      problem: M.notRespondents(entry.title),
    };
  }
  const x = state.crosstab;
  const has = (id: string | null) => id === null || table.columns.some((c) => c.id === id);
  const problems: string[] = [];
  const rows = has(x.rows) ? x.rows : (problems.push(M.noRowsQuestion(x.rows ?? '')), null);
  const cols = has(x.cols) ? x.cols : (problems.push(M.noColsQuestion(x.cols ?? '')), null);
  const weight =
    x.weight === undefined ||
    x.weight === null ||
    table.columns.some((c) => c.id === x.weight && c.type === 'numeric')
      ? x.weight
      : (problems.push(M.noWeightColumn(x.weight)), undefined);
  const filters = x.filters.filter((f) => {
    const ok = table.columns.some(
      (c) => c.id === f.question && (c.type === 'single' || c.type === 'multi'),
    );
    if (!ok) problems.push(M.filterDropped(f.question));
    return ok;
  });
  return {
    view: { ...state, question: null, crosstab: { ...x, rows, cols, weight, filters } },
    problem: problems.length ? problems.join(' ') : null,
  };
}

/** A tab book needs respondent data; its rows must be questions of it (others are dropped, and named). */
function resolveTabs(state: ViewState, entry: Library['entries'][number]): Resolved {
  const table = entry.table;
  if (!table) {
    return {
      view: { ...state, page: 'survey', question: null },
      problem: M.notRespondents(entry.title),
    };
  }
  const rows = state.tabs?.rows ?? [];
  const kept = rows.filter((id) => table.columns.some((c) => c.id === id && c.type !== 'text'));
  if (kept.length === rows.length) return { view: { ...state, question: null }, problem: null };
  const dropped = rows.filter((id) => !kept.includes(id));
  return {
    view: { ...state, question: null, tabs: { ...state.tabs!, rows: kept } },
    problem: TM.rowsDropped(dropped),
  };
}
