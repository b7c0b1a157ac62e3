// The banner editor: the questions after Total, in order. Add one, remove it,
// move it up or down, nest it within another single-answer question, and band
// a numeric question at typed cut points. Every control is a labelled native
// element, so the editor works from the keyboard; the banner itself is the
// caller's (the link's, or the one saved with the survey).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DefinedBand, DefinedBanner } from '../core/definition/definition';
import { isolate } from '../core/format/bidi';
import type { Column, RespondentTable } from '../core/table/types';
import { band } from '../core/tabs/band';
import { tabBookMessages as M } from '../core/messages';

interface Props {
  table: RespondentTable;
  /** The questions that may stand on a banner (core/definition/banner.ts bannerCandidates). */
  candidates: readonly Column[];
  banner: DefinedBanner;
  onChange: (next: DefinedBanner) => void;
}

type Entry = DefinedBanner['columns'][number];

const questionOf = (e: Entry): string => (typeof e === 'string' ? e : e.question);
const withinOf = (e: Entry): string | null => (typeof e === 'string' ? null : e.within);

/** Cut points typed as "25, 35, 45": numbers in increasing order, or null. */
function parseCuts(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const cuts = parts.map(Number);
  return cuts.every((c, i) => Number.isFinite(c) && (i === 0 || c > cuts[i - 1]!)) ? cuts : null;
}

export function BannerEditor({ table, candidates, banner, onChange }: Props) {
  const byId = useMemo(() => new Map(candidates.map((c) => [c.id, c])), [candidates]);
  const used = new Set(banner.columns.map(questionOf));
  const addable = candidates.filter((c) => !used.has(c.id));
  const [adding, setAdding] = useState('');
  const [newCuts, setNewCuts] = useState('');
  const addId = addable.some((c) => c.id === adding) ? adding : (addable[0]?.id ?? '');
  const addColumn = byId.get(addId);
  const newCutsParsed = parseCuts(newCuts);
  const uid = useId();
  // Where focus goes once the banner has changed: never back to the page.
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLSelectElement>(null);
  const focusNext = useRef<{ question: string; action: 'up' | 'down' } | 'add' | null>(null);
  useEffect(() => {
    const next = focusNext.current;
    if (next === null) return;
    focusNext.current = null;
    if (next === 'add') {
      addRef.current?.focus();
      return;
    }
    const item = [...(listRef.current?.children ?? [])].find(
      (li) => li.getAttribute('data-question') === next.question,
    );
    const buttons = [...(item?.querySelectorAll<HTMLButtonElement>('[data-move]') ?? [])];
    const wanted = buttons.find((b) => b.dataset.move === next.action && !b.disabled);
    (wanted ?? buttons.find((b) => !b.disabled))?.focus();
  });

  const bands = banner.bands ?? [];
  const bandOf = (id: string) => bands.find((b) => b.question === id);
  const textOf = (id: string) => byId.get(id)?.text ?? id;
  const withBands = (columns: Entry[], next: DefinedBand[]): DefinedBanner => {
    // A band stays while a banner question (or a nesting) names its question.
    const named = new Set(columns.flatMap((c) => [questionOf(c), withinOf(c)]));
    const kept = next.filter((b) => named.has(b.question));
    return kept.length === 0 ? { columns } : { columns, bands: kept };
  };
  const setColumns = (columns: Entry[]) => onChange(withBands(columns, bands));

  const add = () => {
    if (addColumn === undefined) return;
    if (addColumn.type === 'numeric') {
      if (newCutsParsed === null) return;
      onChange(
        withBands(
          [...banner.columns, addColumn.id],
          [
            ...bands.filter((b) => b.question !== addColumn.id),
            { question: addColumn.id, cuts: newCutsParsed },
          ],
        ),
      );
      setNewCuts('');
    } else setColumns([...banner.columns, addColumn.id]);
    setAdding('');
  };
  const move = (k: number, by: number) => {
    focusNext.current = {
      question: questionOf(banner.columns[k]!),
      action: by < 0 ? 'up' : 'down',
    };
    const next = [...banner.columns];
    const [item] = next.splice(k, 1);
    next.splice(k + by, 0, item!);
    setColumns(next);
  };
  const remove = (k: number) => {
    focusNext.current = 'add';
    setColumns(banner.columns.filter((_, i) => i !== k));
  };
  const nest = (k: number, within: string) =>
    setColumns(
      banner.columns.map((c, i) =>
        i !== k ? c : within === '' ? questionOf(c) : { question: questionOf(c), within },
      ),
    );
  const setCuts = (id: string, cuts: number[]) =>
    onChange(
      withBands(
        banner.columns,
        bands.map((b) => (b.question === id ? { question: id, cuts } : b)),
      ),
    );

  /** Nesting needs two single-answer questions: single ones, or numeric ones banded on this banner. */
  const nestable = (c: Column | undefined) =>
    c !== undefined &&
    (c.type === 'single' || (c.type === 'numeric' && bandOf(c.id) !== undefined));

  return (
    <section className="banner-editor" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{M.bannerHeading}</h3>
      <p className="muted">{M.bannerIntro}</p>
      {banner.columns.length === 0 ? (
        <p className="muted" data-testid="banner-empty">
          {M.bannerEmpty}
        </p>
      ) : (
        <ol
          ref={listRef}
          className="banner-list"
          aria-label={M.bannerList}
          data-testid="banner-list"
        >
          {banner.columns.map((c, k) => {
            const id = questionOf(c);
            const column = byId.get(id);
            const text = textOf(id);
            const within = withinOf(c);
            const band = bandOf(id);
            return (
              <li key={`${id}\u0000${within ?? ''}`} data-question={id}>
                <div className="banner-item-head">
                  <strong>
                    {within === null ? <bdi>{text}</bdi> : M.nestedWithin(text, textOf(within))}
                  </strong>
                  {column?.type === 'multi' ? <span className="chip">{M.multiTag}</span> : null}
                  {column?.type === 'numeric' ? <span className="chip">{M.numericTag}</span> : null}
                  <span className="banner-item-actions">
                    <button
                      type="button"
                      className="btn"
                      disabled={k === 0}
                      aria-label={M.moveUp(text)}
                      data-move="up"
                      onClick={() => move(k, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn"
                      disabled={k === banner.columns.length - 1}
                      aria-label={M.moveDown(text)}
                      data-move="down"
                      onClick={() => move(k, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="btn"
                      aria-label={M.remove(text)}
                      onClick={() => remove(k)}
                    >
                      ✕
                    </button>
                  </span>
                </div>
                <div className="form-grid">
                  {nestable(column) ? (
                    <label>
                      {M.nestWithin(text)}
                      <select value={within ?? ''} onChange={(e) => nest(k, e.target.value)}>
                        <option value="">{M.notNested}</option>
                        {candidates
                          .filter((o) => o.id !== id && nestable(o))
                          .map((o) => (
                            <option key={o.id} value={o.id}>
                              {isolate(o.text)}
                            </option>
                          ))}
                      </select>
                    </label>
                  ) : null}
                  {band !== undefined ? (
                    <CutsField
                      table={table}
                      band={band}
                      text={text}
                      onCommit={(cuts) => setCuts(id, cuts)}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {addable.length > 0 ? (
        <div className="form-grid" role="group" aria-label={M.addQuestion}>
          <label>
            {M.addQuestionLabel}
            <select ref={addRef} value={addId} onChange={(e) => setAdding(e.target.value)}>
              {addable.map((c) => (
                <option key={c.id} value={c.id}>
                  {isolate(c.text)}
                  {c.type === 'multi' ? ` (${M.multiTag})` : ''}
                  {c.type === 'numeric' ? ` (${M.numericTag})` : ''}
                </option>
              ))}
            </select>
          </label>
          {addColumn?.type === 'numeric' ? (
            <label>
              {M.cutsLabel(addColumn.text)}
              <input
                type="text"
                inputMode="decimal"
                value={newCuts}
                placeholder="25, 35, 45, 55"
                aria-describedby={`${uid}-cuts-help`}
                aria-invalid={newCuts.trim() !== '' && newCutsParsed === null}
                onChange={(e) => setNewCuts(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') add();
                }}
              />
              <span className="muted" id={`${uid}-cuts-help`}>
                {newCuts.trim() !== '' && newCutsParsed === null
                  ? M.cutsProblem(newCuts)
                  : M.cutsHelp}
              </span>
            </label>
          ) : null}
          <button
            type="button"
            className="btn"
            onClick={add}
            disabled={addColumn?.type === 'numeric' && newCutsParsed === null}
          >
            {M.addButton}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** A banded question's cut points, typed; applied on Enter or when the field is left. */
function CutsField({
  table,
  band: b,
  text,
  onCommit,
}: {
  table: RespondentTable;
  band: DefinedBand;
  text: string;
  onCommit: (cuts: number[]) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const value = draft ?? b.cuts.join(', ');
  const parsed = parseCuts(value);
  // The bands these cut points make, as the engine names them.
  const labels = useMemo(() => {
    const made = band(table, b.question, b.cuts, b.labels);
    return made.ok ? made.value.labels : [];
  }, [table, b]);
  const commit = () => {
    if (draft === null) return;
    if (parsed !== null) {
      onCommit(parsed);
      setDraft(null);
    }
  };
  return (
    <label>
      {M.cutsLabel(text)}
      <input
        type="text"
        inputMode="decimal"
        value={value}
        aria-invalid={parsed === null}
        aria-describedby={`${id}-bands`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      <span className="muted" id={`${id}-bands`} data-testid="band-labels">
        {parsed === null ? M.cutsProblem(value) : M.bandsPreview(labels)}
      </span>
    </label>
  );
}
