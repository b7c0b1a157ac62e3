// A question's canonical option list: what net indexes (in the view state and
// the link) point into. Segments may list the same options in another order
// (Eguan's registered vs active users), so a net must name options by label,
// not by one segment's positions. The link keeps indexes (format v1), into
// this list: the first series' options in order, then labels only later
// series publish. For one series, or for the first, indexes are unchanged.
import type { QuestionVM, SeriesVM } from './questionModel';

/** Labels match as in Compare: ignoring case and surrounding spaces. */
const labelKey = (label: string) => label.trim().toLowerCase();

/**
 * For each option of `series`, its index in `canonical`, or -1 if absent.
 * The k-th "…" of a series matches the k-th "…" of the list, so a label
 * repeated within one series (gaps the source left out) keeps its own slot.
 */
export function canonicalIndexes(
  canonical: readonly string[],
  series: Pick<SeriesVM, 'options'>,
): number[] {
  const keys = canonical.map(labelKey);
  const used = new Set<number>();
  return series.options.map((o) => {
    const key = labelKey(o.published.label);
    const i = keys.findIndex((k, j) => k === key && !used.has(j));
    if (i >= 0) used.add(i);
    return i;
  });
}

/** The union of option labels across the question's series, in first-seen order. */
export function canonicalOptions(question: Pick<QuestionVM, 'series'>): string[] {
  const labels: string[] = [];
  for (const series of question.series) {
    // Match against the list as it was before this series, so a label this
    // series repeats is added as many times as it repeats.
    const found = canonicalIndexes(labels, series);
    series.options.forEach((o, k) => {
      if (found[k] === -1) labels.push(o.published.label);
    });
  }
  return labels;
}
