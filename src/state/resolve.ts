// A link may name a survey or question that is not (or no longer) in the
// library. Resolve it to the nearest valid view and say what happened.
import type { ViewState } from './view';
import type { Library } from './library';

export interface Resolved {
  view: ViewState;
  problem: string | null;
}

export function resolveView(state: ViewState, library: Library): Resolved {
  if (state.page === 'library' || state.page === 'flags') {
    return { view: { ...state, survey: null, question: null, nets: [], compare: [] }, problem: null };
  }
  const entry = state.survey === null ? undefined : library.entries.find((e) => e.id === state.survey);
  if (!entry) {
    return {
      view: { page: 'library', survey: null, question: null, sort: 'source', nets: [], compare: [] },
      problem:
        state.survey === null
          ? 'This link names no survey. Showing the library instead.'
          : `The survey "${state.survey}" is not in this library. Showing the library instead.`,
    };
  }
  if (state.page === 'survey') {
    return { view: { ...state, question: null, nets: [], compare: [] }, problem: null };
  }
  const question = entry.questions.find((q) => q.id === state.question);
  if (!question) {
    return {
      view: { ...state, page: 'survey', question: null, nets: [], compare: [] },
      problem: `The question "${state.question ?? ''}" is not in "${entry.title}". Showing the survey instead.`,
    };
  }
  // Nets must name options that exist; drop the ones that don't, and say so.
  const optionCount = Math.max(0, ...question.series.map((s) => s.options.length));
  const nets = state.nets.filter((n) => n.every((i) => Number.isInteger(i) && i >= 0 && i < optionCount));
  const compare = state.compare.filter((ref) => findQuestion(library, ref) !== null);
  const problems = [
    nets.length === state.nets.length ? null : 'Some nets in this link name options that do not exist; they were left out.',
    compare.length === state.compare.length
      ? null
      : 'Some compared questions in this link are not in this library; they were left out.',
  ].filter((p): p is string => p !== null);
  return { view: { ...state, nets, compare }, problem: problems.length ? problems.join(' ') : null };
}

/** Find "survey:question" in the library. */
export function findQuestion(library: Library, ref: string) {
  const [surveyId, questionId] = ref.split(':');
  const entry = library.entries.find((e) => e.id === surveyId);
  const question = entry?.questions.find((q) => q.id === questionId);
  return entry && question ? { entry, question } : null;
}
