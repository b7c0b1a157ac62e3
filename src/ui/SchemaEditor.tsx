// The import preview's question editor: the questions detected in a
// respondent file, each with its kind, wording, answer order and grouping,
// and the survey-wide weight and id columns. Every change is an override the
// preview re-reads with, so what is shown is what will be imported.
import { useState } from 'react';
import type { Preview } from '../core/pipeline';
import type { SchemaOverride, SchemaQuestion } from '../core/schema/types';
import { isolate } from '../core/format/bidi';
import { previewMessages as P, questionPageMessages as Q } from '../core/messages';
import { ScrollBox } from './ScrollBox';

interface SchemaProps {
  preview: Preview;
  overrides: SchemaOverride[];
  add: (o: SchemaOverride) => void;
  setOverrides: (o: SchemaOverride[]) => void;
}

export function SchemaEditor({ preview, overrides, add, setOverrides }: SchemaProps) {
  const schema = preview.schema;
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState('');
  if (!schema) return null;
  const questions = schema.questions;
  // Plausible weights first: the proposal, then other numeric columns (marked as such).
  const numeric = questions
    .filter((q) => q.kind === 'numeric' || q.kind === 'weight')
    .sort(
      (a, b) => Number(b.id === schema.proposedWeightId) - Number(a.id === schema.proposedWeightId),
    );
  const proposed = schema.proposedWeightId;
  const weightOpen =
    proposed !== null && schema.weightId === null && !overrides.some((o) => o.type === 'weight');
  const toggle = (id: string) => {
    const next = new Set(ticked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setTicked(next);
  };
  const group = () => {
    const chosen = questions.filter((q) => ticked.has(q.id));
    const columns = chosen.flatMap((q) => q.sourceColumns.map((i) => schema.columnNames[i] ?? ''));
    const first = chosen[0];
    if (!first || columns.length < 2) return;
    add({ type: 'group', id: P.groupedId(first.id), columns });
    setTicked(new Set());
  };
  return (
    <>
      {weightOpen ? (
        <div
          className="banner"
          role="group"
          aria-label={P.weightGroup}
          data-testid="weight-proposal"
        >
          <p>
            <bdi>{proposed}</bdi> {P.weightLooks}
          </p>
          <button
            type="button"
            className="btn primary"
            onClick={() => add({ type: 'weight', id: proposed })}
          >
            {P.weightBy} <bdi>{proposed}</bdi>
          </button>{' '}
          <button type="button" className="btn" onClick={() => add({ type: 'weight', id: null })}>
            {P.keepUnweighted}
          </button>
        </div>
      ) : null}
      <div className="form-grid" role="group" aria-label={P.settingsGroup}>
        <ColumnSelect
          label={P.weightColumn}
          value={schema.weightId}
          choices={numeric}
          describe={(q) => (q.id === proposed ? P.looksLikeWeight : P.numeric)}
          onChange={(id) => add({ type: 'weight', id })}
        />
        <ColumnSelect
          label={P.idColumn}
          value={schema.idColumnId}
          choices={questions}
          onChange={(id) => add({ type: 'id', id })}
        />
        <label>
          {P.missingTokens}
          <input
            type="text"
            value={missing}
            placeholder={schema.missingTokens.map((t) => (t === '' ? P.blankToken : t)).join(', ')}
            onChange={(e) => setMissing(e.target.value)}
            onBlur={() => {
              if (missing.trim() === '') return;
              const tokens = missing.split(',').map((t) => t.trim());
              add({
                type: 'missing',
                tokens: ['', ...tokens.filter((t) => t !== '' && t !== P.blankToken)],
              });
            }}
          />
        </label>
        {overrides.length > 0 ? (
          <button type="button" className="btn" onClick={() => setOverrides([])}>
            {P.undoChanges(overrides.length)}
          </button>
        ) : null}
      </div>
      <ScrollBox label={P.questionsFound}>
        <table className="data" data-testid="preview-schema">
          <caption>
            {P.schemaCaption(questions.length, schema.columnNames.length, schema.headerLines === 2)}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{P.selectToGroup}</span>
              </th>
              <th scope="col">{P.columnQuestion}</th>
              <th scope="col">{P.columnKind}</th>
              <th scope="col">{P.columnColumns}</th>
              <th scope="col">{P.columnWhy}</th>
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => (
              <SchemaRow
                key={q.id}
                q={q}
                ticked={ticked.has(q.id)}
                toggle={() => toggle(q.id)}
                add={add}
                columnNames={schema.columnNames}
                answers={preview.answers[q.id] ?? []}
              />
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <button type="button" className="btn" disabled={ticked.size < 2} onClick={group}>
        {P.group(ticked.size)}
      </button>
    </>
  );
}

function SchemaRow({
  q,
  ticked,
  toggle,
  add,
  columnNames,
  answers,
}: {
  q: SchemaQuestion;
  ticked: boolean;
  toggle: () => void;
  add: (o: SchemaOverride) => void;
  columnNames: string[];
  answers: string[];
}) {
  const [text, setText] = useState(q.text);
  const [ordering, setOrdering] = useState(false);
  const editable = q.kind !== 'weight' && q.kind !== 'id';
  return (
    <tr data-question={q.id}>
      <td>
        <input
          type="checkbox"
          checked={ticked}
          onChange={toggle}
          aria-label={P.selectLabel(q.text)}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={P.nameOf(q.id)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            if (text !== q.text && text.trim() !== '') add({ type: 'rename', id: q.id, text });
          }}
          style={{ width: '100%', minWidth: 220 }}
        />
      </td>
      <td>
        {editable ? (
          <select
            aria-label={P.kindOf(q.id)}
            value={q.kind}
            onChange={(e) => {
              const kind = e.target.value as 'single' | 'multi' | 'numeric' | 'text';
              add(
                kind === 'multi'
                  ? { type: 'kind', id: q.id, kind, separator: ';' }
                  : { type: 'kind', id: q.id, kind },
              );
            }}
          >
            <option value="single">{Q.kindNames.single}</option>
            <option value="multi">{Q.kindNames.multi}</option>
            <option value="numeric">{Q.kindNames.numeric}</option>
            <option value="text">{Q.kindNames.text}</option>
          </select>
        ) : (
          q.kind
        )}
        {q.kind === 'multi' && q.multi?.encoding === 'columns' ? (
          <button type="button" className="btn" onClick={() => add({ type: 'ungroup', id: q.id })}>
            {P.ungroup}
          </button>
        ) : null}
      </td>
      <td title={q.sourceColumns.map((i) => columnNames[i]).join(', ')}>
        {q.sourceColumns.length}
      </td>
      <td className="muted">
        {q.memberOf !== undefined ? (
          <>
            {P.alsoOptionOf} <bdi>{q.memberOf}</bdi>.{' '}
          </>
        ) : null}
        {q.reason}
        {q.kind === 'single' && answers.length > 1 ? (
          <>
            {' '}
            <button
              type="button"
              className="btn"
              aria-expanded={ordering}
              onClick={() => setOrdering(!ordering)}
            >
              {P.answerOrder}
            </button>
            {ordering ? (
              <AnswerOrder
                question={q}
                answers={answers}
                onChange={(next) => add({ type: 'answers', id: q.id, answers: next })}
              />
            ) : null}
          </>
        ) : null}
      </td>
    </tr>
  );
}

function AnswerOrder(props: {
  question: SchemaQuestion;
  answers: string[];
  onChange: (answers: string[]) => void;
}) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...props.answers];
    const [item] = next.splice(i, 1);
    if (item === undefined) return;
    next.splice(i + by, 0, item);
    props.onChange(next);
  };
  return (
    <ol className="answer-order" aria-label={P.answerOrderOf(props.question.text)}>
      {props.answers.map((a, i) => (
        <li key={a}>
          <bdi>{a}</bdi>{' '}
          <button
            type="button"
            className="btn"
            disabled={i === 0}
            aria-label={P.moveUp(a)}
            onClick={() => move(i, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn"
            disabled={i === props.answers.length - 1}
            aria-label={P.moveDown(a)}
            onClick={() => move(i, 1)}
          >
            ↓
          </button>
        </li>
      ))}
    </ol>
  );
}

/** Pick one column, or none (the weight, the respondent id). */
function ColumnSelect(props: {
  label: string;
  value: string | null;
  choices: readonly SchemaQuestion[];
  describe?: (q: SchemaQuestion) => string;
  onChange: (id: string | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">{P.none}</option>
        {props.choices.map((q) => (
          <option key={q.id} value={q.id}>
            {isolate(q.text)}
            {props.describe?.(q) ?? ''}
          </option>
        ))}
      </select>
    </label>
  );
}
