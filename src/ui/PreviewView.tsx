// The import preview: what was detected and why, with an override for each;
// the questions found (rename, change kind, group columns, weight, id,
// missing-value tokens); and the first rows as read.
import { useState } from 'react';
import type { Preview } from '../core/pipeline';
import type { SchemaOverride, SchemaQuestion } from '../core/schema/types';
import { analyseSurvey } from '../core/published/analyse';
import { formatPercent } from '../core/format/percent';
import type { ImportOptions } from '../app/importProtocol';
import { ENCODINGS } from '../core/csv/encoding';
import {
  formatDefinition,
  parseDefinition,
  type SurveyDefinition,
} from '../core/definition/definition';
import { definitionMessages } from '../core/messages';
import { fileStem } from '../core/surveys';
import { describeError } from '../state/models/errors';
import { downloadText } from './download';
import { isolate } from '../core/format/bidi';
import { ScrollBox } from './ScrollBox';

interface Props {
  preview: Preview;
  /** The file's name, to name its definition when downloaded. */
  fileName: string;
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

/** The preview's warning that a weight is only proposed, if any (shown with its buttons instead). */
function proposalText(preview: Preview): string | null {
  const proposed = preview.schema?.proposedWeightId ?? null;
  return proposed === null ? null : definitionMessages.weightProposed(proposed);
}

/** Download the definition the preview's decisions make, or load one from a file. */
function DefinitionFile(props: {
  preview: Preview;
  fileName: string;
  active: SurveyDefinition | null;
  setDefinition: (d: SurveyDefinition | null) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const definition = props.preview.definition;
  if (definition === null) return null;
  const load = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseDefinition(await file.text(), file.name);
    if (!parsed.ok) {
      setProblem(describeError(parsed.error));
      return;
    }
    setProblem(null);
    setLoadedFrom(file.name);
    props.setDefinition(parsed.value);
  };
  return (
    <div className="toolbar" role="group" aria-label="Survey definition">
      <button
        type="button"
        className="btn"
        onClick={() =>
          downloadText(
            `${fileStem(props.fileName)}.definition.json`,
            formatDefinition(definition),
            'application/json;charset=utf-8',
          )
        }
      >
        Download definition
      </button>
      <label className="btn">
        Load a definition…
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          data-testid="definition-input"
          onChange={(e) => void load(e.target.files?.[0])}
        />
      </label>
      {props.active !== null ? (
        <>
          <span className="muted" data-testid="definition-active">
            Read with the definition {loadedFrom === null ? '' : <bdi>{loadedFrom}</bdi>}
          </span>
          <button type="button" className="btn" onClick={() => props.setDefinition(null)}>
            Stop using it
          </button>
        </>
      ) : (
        <span className="muted">
          The definition records your decisions below (questions, weight, answer order), so the same
          file opens the same way in a link, the CLI or another browser.
        </span>
      )}
      {problem !== null ? (
        <p className="banner problem" role="alert" data-testid="definition-error">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function PreviewView({ preview, fileName, options, setOptions, setOverrides }: Props) {
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
      {d.warnings
        .filter((w) => w !== proposalText(preview))
        .map((w) => (
          <p key={w} className="flag warning">
            {w}
          </p>
        ))}
      <DefinitionFile
        preview={preview}
        fileName={fileName}
        active={options.definition ?? null}
        setDefinition={(definition) =>
          setOptions((o) => {
            const { definition: _old, ...rest } = o;
            void _old;
            return definition === null
              ? { ...rest, schemaOverrides: [] }
              : { ...rest, definition, schemaOverrides: [] };
          })
        }
      />
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
    <ScrollBox label="Questions found">
      <table className="data" data-testid="preview-questions">
        <caption>
          <bdi>{survey.meta.title}</bdi>: {survey.questions.length} questions found
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
                  <td>
                    <bdi>{q.text}</bdi>
                  </td>
                  <td>
                    <bdi>{s.segment ?? ''}</bdi>
                  </td>
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
    </ScrollBox>
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
    add({ type: 'group', id: `${first.id} (grouped)`, columns });
    setTicked(new Set());
  };
  return (
    <>
      {weightOpen ? (
        <div className="banner" role="group" aria-label="Weight" data-testid="weight-proposal">
          <p>
            <bdi>{proposed}</bdi> looks like a survey weight (positive numbers, not whole numbers).
            The figures are unweighted unless you choose it: a column named like a weight can also
            be, say, body weight in kilograms.
          </p>
          <button
            type="button"
            className="btn primary"
            onClick={() => add({ type: 'weight', id: proposed })}
          >
            Weight by <bdi>{proposed}</bdi>
          </button>{' '}
          <button type="button" className="btn" onClick={() => add({ type: 'weight', id: null })}>
            Keep unweighted
          </button>
        </div>
      ) : null}
      <div className="form-grid" role="group" aria-label="Respondent data settings">
        <ColumnSelect
          label="Weight column"
          value={schema.weightId}
          choices={numeric}
          describe={(q) => (q.id === proposed ? ' (looks like a weight)' : ' (numeric)')}
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
      <ScrollBox label="Questions found">
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
                answers={preview.answers[q.id] ?? []}
              />
            ))}
          </tbody>
        </table>
      </ScrollBox>
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
          aria-label={`Select "${isolate(q.text)}" to group`}
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
      <td className="muted">
        {q.memberOf !== undefined ? (
          <>
            Also an option of <bdi>{q.memberOf}</bdi>.{' '}
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
              Answer order…
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

function RawRows({ rows, truncated }: { rows: string[][]; truncated: boolean }) {
  const shown = rows.slice(0, 8);
  const width = Math.min(12, Math.max(0, ...shown.map((r) => r.length)));
  return (
    <ScrollBox label="The first rows as read">
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
    </ScrollBox>
  );
}

/** Move a single-answer question's answers up and down (like SPSS value-label order). */
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
    <ol className="answer-order" aria-label={`Answer order of ${props.question.text}`}>
      {props.answers.map((a, i) => (
        <li key={a}>
          <bdi>{a}</bdi>{' '}
          <button
            type="button"
            className="btn"
            disabled={i === 0}
            aria-label={`Move "${a}" up`}
            onClick={() => move(i, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn"
            disabled={i === props.answers.length - 1}
            aria-label={`Move "${a}" down`}
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
        <option value="">None</option>
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
