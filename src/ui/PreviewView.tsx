// The import preview: what was detected and why, with an override for each;
// the questions found (rename, change kind, group columns, weight, id,
// missing-value tokens); and the first rows as read.
import { useState } from 'react';
import type { Preview } from '../core/pipeline';
import type { SchemaOverride, SchemaQuestion } from '../core/schema/types';
import { analyseSurvey } from '../core/published/analyse';
import { formatPercent } from '../core/format/percent';
import type { ImportOptions } from './ImportPanel';
import { ENCODINGS } from '../core/csv/encoding';

interface Props {
  preview: Preview;
  options: ImportOptions;
  setOptions: (update: (o: ImportOptions) => ImportOptions) => void;
  setOverrides: (o: SchemaOverride[]) => void;
}

const DELIMITERS = [
  [',', 'Comma'],
  [';', 'Semicolon'],
  ['\t', 'Tab'],
  ['|', 'Pipe'],
] as const;
const SHAPES = [
  ['distribution', 'Published figures (one row per option)'],
  ['banner', 'Published banner table (segments across)'],
  ['respondents', 'Respondent data (one row per respondent)'],
] as const;

export function PreviewView({ preview, options, setOptions, setOverrides }: Props) {
  const d = preview.detected;
  const overrides = options.schemaOverrides ?? [];
  const add = (o: SchemaOverride) => setOverrides([...overrides, o]);
  return (
    <div data-testid="preview">
      <div className="form-grid" role="group" aria-label="How the file is read">
        <label>
          Encoding
          <select
            value={options.encoding ?? d.encoding}
            onChange={(e) =>
              setOptions((o) => ({ ...o, encoding: e.target.value as (typeof ENCODINGS)[number] }))
            }
          >
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
          <span data-testid="encoding-reason">
            {options.encoding ? 'chosen by you' : d.encodingReason}
          </span>
        </label>
        <label>
          Delimiter
          <select
            value={options.delimiter ?? d.delimiter}
            onChange={(e) =>
              setOptions((o) => ({ ...o, delimiter: e.target.value as ',' | ';' | '\t' | '|' }))
            }
          >
            {DELIMITERS.map(([v, name]) => (
              <option key={name} value={v}>
                {name}
              </option>
            ))}
          </select>
          <span>{options.delimiter ? 'chosen by you' : d.delimiterReason}</span>
        </label>
        <label>
          Shape
          <select
            value={options.shape ?? d.shape}
            onChange={(e) =>
              setOptions((o) => ({ ...o, shape: e.target.value as (typeof SHAPES)[number][0] }))
            }
          >
            {SHAPES.map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </select>
          <span data-testid="shape-reason">{options.shape ? 'chosen by you' : d.shapeReason}</span>
        </label>
      </div>
      {d.lossyLines.length > 0 ? (
        <p className="banner problem" role="alert" data-testid="lossy-lines">
          Some characters could not be decoded as {d.encoding} on line
          {d.lossyLines.length > 1 ? 's' : ''} {d.lossyLines.slice(0, 10).join(', ')}
          {d.lossyLines.length > 10 ? ` and ${d.lossyLines.length - 10} more` : ''}: they show as �.
          Try another encoding above.
        </p>
      ) : null}
      {d.warnings.map((w) => (
        <p key={w} className="flag warning">
          {w}
        </p>
      ))}
      {preview.schema ? (
        <SchemaEditor
          preview={preview}
          overrides={overrides}
          add={add}
          setOverrides={setOverrides}
        />
      ) : null}
      {preview.survey ? <PublishedSummary preview={preview} /> : null}
      <RawRows rows={preview.rows} truncated={preview.truncated} />
    </div>
  );
}

function PublishedSummary({ preview }: { preview: Preview }) {
  const survey = preview.survey;
  if (!survey) return null;
  const analysis = analyseSurvey(survey);
  return (
    <table className="data" data-testid="preview-questions">
      <caption>
        {survey.meta.title}: {survey.questions.length} questions found
      </caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Segment</th>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {survey.questions.flatMap((q, qi) =>
          q.series.map((s, si) => {
            const a = analysis.questions[qi]?.series[si];
            return (
              <tr key={`${q.id}-${si}`}>
                <td>{q.text}</td>
                <td>{s.segment ?? ''}</td>
                <td>
                  {a?.kind}
                  {a?.kindInferred ? ' (inferred)' : ''}
                </td>
                <td className="num">
                  {a?.total == null ? '—' : formatPercent(a.total, a.totalDecimals)}
                </td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}

interface SchemaProps {
  preview: Preview;
  overrides: SchemaOverride[];
  add: (o: SchemaOverride) => void;
  setOverrides: (o: SchemaOverride[]) => void;
}

function SchemaEditor({ preview, overrides, add, setOverrides }: SchemaProps) {
  const schema = preview.schema;
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [missing, setMissing] = useState('');
  if (!schema) return null;
  const questions = schema.questions;
  const numeric = questions.filter((q) => q.kind === 'numeric' || q.kind === 'weight');
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
    add({ type: 'group', id: `${first.id} (grouped)`, columns });
    setTicked(new Set());
  };
  return (
    <>
      <div className="form-grid" role="group" aria-label="Respondent data settings">
        <ColumnSelect
          label="Weight column"
          value={schema.weightId}
          choices={numeric}
          onChange={(id) => add({ type: 'weight', id })}
        />
        <ColumnSelect
          label="Respondent id column"
          value={schema.idColumnId}
          choices={questions}
          onChange={(id) => add({ type: 'id', id })}
        />
        <label>
          Missing-value tokens (comma-separated)
          <input
            type="text"
            value={missing}
            placeholder={schema.missingTokens.map((t) => (t === '' ? '(blank)' : t)).join(', ')}
            onChange={(e) => setMissing(e.target.value)}
            onBlur={() => {
              if (missing.trim() === '') return;
              const tokens = missing.split(',').map((t) => t.trim());
              add({
                type: 'missing',
                tokens: ['', ...tokens.filter((t) => t !== '' && t !== '(blank)')],
              });
            }}
          />
        </label>
        {overrides.length > 0 ? (
          <button type="button" className="btn" onClick={() => setOverrides([])}>
            Undo my changes ({overrides.length})
          </button>
        ) : null}
      </div>
      <table className="data" data-testid="preview-schema">
        <caption>
          {questions.length} questions found in {schema.columnNames.length} columns
          {schema.headerLines === 2 ? ' (two header lines: the second holds option labels)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select to group</span>
            </th>
            <th scope="col">Question</th>
            <th scope="col">Kind</th>
            <th scope="col">Columns</th>
            <th scope="col">Why</th>
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
            />
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" disabled={ticked.size < 2} onClick={group}>
        Group {ticked.size} selected as one multi-answer question
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
}: {
  q: SchemaQuestion;
  ticked: boolean;
  toggle: () => void;
  add: (o: SchemaOverride) => void;
  columnNames: string[];
}) {
  const [text, setText] = useState(q.text);
  const editable = q.kind !== 'weight' && q.kind !== 'id';
  return (
    <tr data-question={q.id}>
      <td>
        <input
          type="checkbox"
          checked={ticked}
          onChange={toggle}
          aria-label={`Select "${q.text}" to group`}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={`Name of question ${q.id}`}
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
            aria-label={`Kind of question ${q.id}`}
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
            <option value="single">Single answer</option>
            <option value="multi">Multiple answers</option>
            <option value="numeric">Numeric</option>
            <option value="text">Free text</option>
          </select>
        ) : (
          q.kind
        )}
        {q.kind === 'multi' && q.multi?.encoding === 'columns' ? (
          <button type="button" className="btn" onClick={() => add({ type: 'ungroup', id: q.id })}>
            Ungroup
          </button>
        ) : null}
      </td>
      <td title={q.sourceColumns.map((i) => columnNames[i]).join(', ')}>
        {q.sourceColumns.length}
      </td>
      <td className="muted">{q.reason}</td>
    </tr>
  );
}

function RawRows({ rows, truncated }: { rows: string[][]; truncated: boolean }) {
  const shown = rows.slice(0, 8);
  const width = Math.min(12, Math.max(0, ...shown.map((r) => r.length)));
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="data" data-testid="preview-rows">
        <caption>
          The first {shown.length} rows as read
          {truncated || rows.length > shown.length ? ' (more follow)' : ''}
        </caption>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              {row.slice(0, width).map((cell, j) => (
                <td
                  key={j}
                  style={{
                    maxWidth: 200,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                  }}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Pick one column, or none (the weight, the respondent id). */
function ColumnSelect(props: {
  label: string;
  value: string | null;
  choices: readonly SchemaQuestion[];
  onChange: (id: string | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || null)}>
        <option value="">None</option>
        {props.choices.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text}
          </option>
        ))}
      </select>
    </label>
  );
}
