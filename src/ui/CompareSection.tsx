// "Compare": this question's segments side by side, plus any published
// question the user adds from the library (the same question in another
// report, for instance). The choice lives in the URL.
import { useMemo } from 'react';
import type { Library, LibraryEntry } from '../state/models/library';
import { findQuestion } from '../state/url/resolve';
import type { QuestionVM } from '../state/models/questionModel';
import type { ViewState } from '../state/url/view';
import { CompareTable, type CompareInput } from './CompareTable';
import { isolate } from '../core/format/bidi';
import { analystMessages as AM, questionPageMessages as Q } from '../core/messages';
import { compareBase, deffText } from '../state/models/analyst';

interface Props {
  library: Library;
  entry: LibraryEntry;
  question: QuestionVM;
  view: ViewState;
  navigate: (next: ViewState) => void;
}

/**
 * The question's segments with figures as columns. Each is tested with its
 * base (compareBase): respondent data's own, a published column's stated one,
 * or, for this question's own published segments, the base the user typed;
 * this question's divided by the design effect typed for it.
 */
function columnsOf(
  entry: LibraryEntry,
  question: QuestionVM,
  own: boolean,
  typed: number | null,
  deff: number,
): CompareInput[] {
  const withData = question.series.flatMap((s, index) => (s.hasData ? [{ s, index }] : []));
  return withData.map(({ s, index }) => ({
    baseN: compareBase(entry, question, index, own ? typed : null, own ? deff : 1),
    name: own
      ? (s.segment ?? Q.allAsked)
      : `${isolate(entry.publisher ?? entry.title)}, ${entry.dateText}${s.segment ? ` — ${isolate(s.segment)}` : ''}`,
    options: s.options.map((o) => o.published),
    flags: s.flags,
  }));
}

export function CompareSection({ library, entry, question, view, navigate }: Props) {
  const others = view.compare.flatMap((ref) => {
    const found = findQuestion(library, ref);
    return found ? [{ ref, ...found }] : [];
  });
  const typed = view.marginBase ?? null;
  const deff = view.deff ?? 1;
  // Respondent data's base is counted (a pass over its respondents), so once per choice.
  const columns = useMemo(
    () => [
      ...columnsOf(entry, question, true, typed, deff),
      ...others.flatMap((o) => columnsOf(o.entry, o.question, false, null, 1)),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `others` is derived from library and view.compare
    [entry, question, typed, deff, library, view.compare],
  );
  const tested = columns.some((c, i) => i > 0 && c.baseN != null) && columns[0]?.baseN != null;
  const candidates = library.entries.flatMap((e) =>
    e.questions
      .filter((q) => q.series.some((s) => s.hasData))
      .map((q) => ({
        ref: `${e.id}:${q.id}`,
        label: `${isolate(e.publisher ?? '')} ${e.dateText}: ${isolate(q.text)}`,
        e,
        q,
      })),
  );
  const self = `${entry.id}:${question.id}`;
  const options = candidates.filter((c) => c.ref !== self && !view.compare.includes(c.ref));
  return (
    <section className="series" aria-labelledby="compare-heading">
      <h3 id="compare-heading">{Q.compareHeading}</h3>
      <div className="toolbar">
        <label>
          {Q.compareAdd}{' '}
          <select
            value=""
            onChange={(e) => {
              if (e.target.value) navigate({ ...view, compare: [...view.compare, e.target.value] });
            }}
          >
            <option value="">{Q.chooseQuestion}</option>
            {options.map((c) => (
              <option key={c.ref} value={c.ref}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        {others.map((o) => (
          <button
            key={o.ref}
            type="button"
            className="btn"
            onClick={() => navigate({ ...view, compare: view.compare.filter((r) => r !== o.ref) })}
          >
            {Q.compareRemove} “<bdi>{o.question.text}</bdi>” ({o.entry.dateText})
          </button>
        ))}
      </div>
      {columns.length >= 2 ? (
        <>
          <CompareTable columns={columns} caption={Q.compareCaption} />
          <p className="muted" data-testid="compare-tests">
            {tested ? AM.compareTested : AM.compareUntested}
            {tested && deff !== 1 ? ` ${AM.compareDeff(deffText(deff))}` : null}
          </p>
        </>
      ) : (
        <p className="muted">{Q.compareEmpty}</p>
      )}
    </section>
  );
}
