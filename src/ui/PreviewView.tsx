// The import preview: what was detected and why, with an override for each;
// the questions found (rename, change kind, group columns, weight, id,
// missing-value tokens); and the first rows as read.
import { useState } from 'react';
import type { Preview } from '../core/pipeline';
import type { SchemaOverride } from '../core/schema/types';
import { analyseSurvey } from '../core/published/analyse';
import { formatPercent } from '../core/format/percent';
import type { ImportOptions } from '../app/importProtocol';
import { ENCODINGS } from '../core/csv/encoding';
import {
  formatDefinition,
  parseDefinition,
  type SurveyDefinition,
} from '../core/definition/definition';
import { csvMessages, definitionMessages, previewMessages as P } from '../core/messages';
import { fileStem } from '../core/surveys';
import { describeError } from '../state/models/errors';
import { downloadText } from './download';
import { ScrollBox } from './ScrollBox';
import { SheetPicker } from './SheetPicker';
import { SchemaEditor } from './SchemaEditor';

interface Props {
  preview: Preview;
  /** The file's name, to name its definition when downloaded. */
  fileName: string;
  options: ImportOptions;
  setOptions: (update: (o: ImportOptions) => ImportOptions) => void;
  setOverrides: (o: SchemaOverride[]) => void;
}

const DELIMITERS = [
  [',', P.delimiters.comma],
  [';', P.delimiters.semicolon],
  ['\t', P.delimiters.tab],
  ['|', P.delimiters.pipe],
] as const;
const SHAPES = [
  ['distribution', P.shapes.distribution],
  ['banner', P.shapes.banner],
  ['respondents', P.shapes.respondents],
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
    <div className="toolbar" role="group" aria-label={P.definitionGroup}>
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
        {P.downloadDefinition}
      </button>
      <label className="btn">
        {P.loadDefinition}
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
            {P.readWithDefinition} {loadedFrom === null ? '' : <bdi>{loadedFrom}</bdi>}
          </span>
          <button type="button" className="btn" onClick={() => props.setDefinition(null)}>
            {P.stopUsing}
          </button>
        </>
      ) : (
        <span className="muted">{P.definitionIntro}</span>
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
      <div className="form-grid" role="group" aria-label={P.howRead}>
        <SheetPicker preview={preview} options={options} setOptions={setOptions} />
        <label>
          {P.encoding}
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
            {options.encoding ? P.chosenByYou : d.encodingReason}
          </span>
        </label>
        <label>
          {P.delimiter}
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
          <span>{options.delimiter ? P.chosenByYou : d.delimiterReason}</span>
        </label>
        <label>
          {P.shape}
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
          <span data-testid="shape-reason">{options.shape ? P.chosenByYou : d.shapeReason}</span>
        </label>
      </div>
      {d.lossyLines.length > 0 ? (
        <p className="banner problem" role="alert" data-testid="lossy-lines">
          {csvMessages.lossyLines(d.encoding, d.lossyLines)}
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
    <ScrollBox label={P.questionsFound}>
      <table className="data" data-testid="preview-questions">
        <caption>
          <bdi>{survey.meta.title}</bdi>: {P.publishedCaption(survey.questions.length)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{P.columnQuestion}</th>
            <th scope="col">{P.columnSegment}</th>
            <th scope="col">{P.columnKind}</th>
            <th scope="col" className="num">
              {P.columnTotal}
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
                    {a?.kindInferred ? P.inferred : ''}
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

function RawRows({ rows, truncated }: { rows: string[][]; truncated: boolean }) {
  const shown = rows.slice(0, 8);
  const width = Math.min(12, Math.max(0, ...shown.map((r) => r.length)));
  return (
    <ScrollBox label={P.rowsLabel}>
      <table className="data" data-testid="preview-rows">
        <caption>{P.rowsCaption(shown.length, truncated || rows.length > shown.length)}</caption>
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
