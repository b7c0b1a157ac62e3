// "How many chose both?": for a multi-answer question, pick two options and
// see the range of those who chose both and of those who chose either; for a
// one-answer question, pick another one-answer question of the survey and see
// each cell of their crosstab as a range. Bounds from the printed shares, never
// estimates. Respondent data has real crosstabs, so it gets none of this.
import { useId, useMemo, useState } from 'react';
import { analystMessages as M } from '../core/messages';
import {
  crossCandidates,
  crossGrids,
  pairBounds,
  pairChoices,
  type CrossGrid,
} from '../state/models/analystBounds';
import type { LibraryEntry } from '../state/models/library';
import type { QuestionVM } from '../state/models/questionModel';
import { ScrollBox } from './ScrollBox';
import { isolate } from '../core/format/bidi';

interface Props {
  entry: LibraryEntry;
  question: QuestionVM;
}

export function BoundsSection({ entry, question }: Props) {
  const id = useId();
  if (entry.table !== null) return null;
  const multi = question.series.some((s) => s.hasData && s.kind === 'multi');
  const candidates = multi ? [] : crossCandidates(entry.questions, question);
  if (!multi && candidates.length === 0) return null;
  return (
    <section className="series bounds" aria-labelledby={`${id}-heading`} data-testid="bounds">
      <h3 id={`${id}-heading`}>{M.boundsHeading}</h3>
      <p className="muted">{M.boundsIntro}</p>
      {multi ? (
        <OptionPair question={question} />
      ) : (
        <QuestionCross question={question} candidates={candidates} />
      )}
    </section>
  );
}

function OptionPair({ question }: { question: QuestionVM }) {
  const id = useId();
  const choices = useMemo(() => pairChoices(question), [question]);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const lines = a !== '' && b !== '' ? pairBounds(question, Number(a), Number(b)) : [];
  const picker = (label: string, value: string, set: (v: string) => void, key: string) => (
    <label htmlFor={`${id}-${key}`}>
      {label}
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{M.chooseOption}</option>
        {choices.map((c) => (
          <option key={c.index} value={String(c.index)}>
            {isolate(c.label)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <div className="form-grid">
        {picker(M.firstOption, a, setA, 'a')}
        {picker(M.secondOption, b, setB, 'b')}
      </div>
      <div aria-live="polite" data-testid="pair-bounds">
        {lines.length > 0 ? (
          <>
            <ul className="bounds-lines">
              {lines.map((l) => (
                <li key={l.segment ?? ''}>
                  {l.segment === null ? null : (
                    <>
                      <bdi>{l.segment}</bdi>:{' '}
                    </>
                  )}
                  {l.text}
                </li>
              ))}
            </ul>
            <p className="muted">{M.pairNote}</p>
          </>
        ) : null}
      </div>
    </>
  );
}

function QuestionCross({
  question,
  candidates,
}: {
  question: QuestionVM;
  candidates: QuestionVM[];
}) {
  const id = useId();
  const [other, setOther] = useState('');
  const chosen = candidates.find((q) => q.id === other) ?? null;
  const grids = chosen === null ? [] : crossGrids(question, chosen);
  return (
    <>
      <div className="form-grid">
        <label htmlFor={`${id}-q`}>
          {M.crossLabel}
          <select id={`${id}-q`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">{M.chooseQuestion}</option>
            {candidates.map((q) => (
              <option key={q.id} value={q.id}>
                {isolate(q.text)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {grids.map((g) => (
        <CrossTable key={g.segment ?? ''} grid={g} />
      ))}
      {grids.length > 0 ? <p className="muted">{M.crossNote}</p> : null}
    </>
  );
}

function CrossTable({ grid }: { grid: CrossGrid }) {
  return (
    <ScrollBox label={grid.caption}>
      <table className="data bounds-grid" data-testid="cross-bounds">
        <caption>{grid.caption}</caption>
        <thead>
          <tr>
            <td />
            {grid.cols.map((c, j) => (
              <th key={j} scope="col">
                <bdi>{c}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">
                <bdi>{r}</bdi>
              </th>
              {grid.cells[i]?.map((cell, j) => (
                <td key={j} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
