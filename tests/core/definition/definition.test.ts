// Reading a survey definition document: what is accepted, and what is refused
// with an error that says where and what (src/core/definition/definition.ts).
import { describe, expect, it } from 'vitest';
import {
  DEFINITION_FORMAT,
  DEFINITION_VERSION,
  emptyDefinition,
  formatDefinition,
  parseDefinition,
  type SurveyDefinition,
} from '../../../src/core/definition/definition';
import type { SurveyError } from '../../../src/core/result';

const FILE = 'survey.json';

/** The error of a document that must be refused. */
function refused(text: string): SurveyError {
  const r = parseDefinition(text, FILE);
  if (r.ok) throw new Error(`accepted: ${text}`);
  return r.error;
}

/** A version 1 document with these extra keys. */
const doc = (extra: Record<string, unknown>): string =>
  JSON.stringify({ format: DEFINITION_FORMAT, version: DEFINITION_VERSION, ...extra });

/** it.each rows named by their `what`, printed in full (a `$what` name is cut at 40 characters). */
const named = <T extends { what: string }>(rows: T[]): [string, T][] =>
  rows.map((r) => [r.what, r]);

const question = (q: Record<string, unknown>) => ({ text: 'Wording', kind: 'single', ...q });

describe('parseDefinition accepts a valid document', () => {
  it('reads the minimal document, format and version only', () => {
    const r = parseDefinition('{"format": "survey-workbench-definition", "version": 1}', FILE);
    expect(r).toEqual({ ok: true, value: emptyDefinition() });
  });

  it('reads every field a definition may hold, unchanged', () => {
    const def: SurveyDefinition = {
      format: 'survey-workbench-definition',
      version: 1,
      title: 'Hand-written survey',
      notice: 'Simulated respondents, not real data',
      source: null,
      encoding: 'windows-1252',
      delimiter: ';',
      missing: ['', '-'],
      weight: 'wt',
      id: null,
      questions: [
        { id: 'gender', text: 'Gender', kind: 'single', columns: ['sex'], answers: ['F', 'M'] },
        { id: 'age', text: 'Age', kind: 'numeric', columns: ['age'], missing: ['99'] },
        { id: 'tags', text: 'Tags', kind: 'multi', columns: ['tags'], separator: '|' },
        {
          id: 'apps',
          text: 'Apps used',
          kind: 'multi',
          columns: ['qq', 'wechat'],
          chosen: ['Y'],
          answers: ['QQ', 'WeChat'],
        },
        { id: 'why', text: 'Why?', kind: 'text', columns: ['why'] },
      ],
    };
    expect(parseDefinition(formatDefinition(def), FILE)).toEqual({ ok: true, value: def });
  });

  it('formats a definition with two-space indent and a final newline', () => {
    expect(formatDefinition({ ...emptyDefinition(), weight: null })).toBe(
      '{\n  "format": "survey-workbench-definition",\n  "version": 1,\n  "weight": null\n}\n',
    );
  });
});

describe('parseDefinition says where a document is not JSON', () => {
  it.each(
    named([
      {
        what: 'gives line 3, column 15 for a document cut short after line 3 (14 characters long)',
        text: '{\n  "format": "survey-workbench-definition",\n  "version": 1',
        line: 3,
        column: 15,
      },
      {
        what: 'gives line 3, column 16 for a missing comma inside line 3, found at the next key',
        text: '{\n  "format": "survey-workbench-definition",\n  "version": 1 "title": "Demo"\n}\n',
        line: 3,
        column: 16,
      },
      {
        what: 'gives line 4, column 3 for a missing comma at the end of line 3, found at the key on line 4',
        text: '{\n  "format": "survey-workbench-definition",\n  "version": 1\n  "title": "Demo"\n}\n',
        line: 4,
        column: 3,
      },
      { what: 'gives line 1, column 1 for an empty document', text: '', line: 1, column: 1 },
    ]),
  )('%s', (_, { text, line, column }) => {
    const e = refused(text);
    expect(e).toMatchObject({ code: 'definition-not-json', file: FILE, line, column });
    expect(e.message).toContain(`line ${line}, column ${column}`);
  });
});

describe('parseDefinition refuses a document that is not a version 1 definition', () => {
  it.each([
    ['an array', '[]'],
    ['a string', '"survey-workbench-definition"'],
    ['null', 'null'],
    ['a number', '1'],
  ])('refuses %s: a definition is a JSON object', (_, text) => {
    const e = refused(text);
    expect(e.code).toBe('definition-not-object');
    expect(e.message).toContain('not a JSON object');
  });

  it('refuses a newer version with its own code, naming the version', () => {
    const e = refused('{"format": "survey-workbench-definition", "version": 2}');
    expect(e.code).toBe('definition-version');
    expect(e.message).toContain('version 2, newer than this app reads (1)');
  });

  it.each(
    named([
      {
        what: 'refuses an older version 0, naming where: "version"',
        text: doc({ version: 0 }),
        path: 'version',
      },
      {
        what: 'refuses a version written as a string, naming where: "version"',
        text: doc({ version: '1' }),
        path: 'version',
      },
      {
        what: 'refuses another format, naming where: "format"',
        text: doc({ format: 'spss-dictionary' }),
        path: 'format',
      },
      {
        what: 'refuses an unknown delimiter, naming where: "delimiter"',
        text: doc({ delimiter: ':' }),
        path: 'delimiter',
      },
      {
        what: 'refuses an unknown encoding, naming where: "encoding"',
        text: doc({ encoding: 'latin-9' }),
        path: 'encoding',
      },
      {
        what: 'refuses an unknown question kind, naming where: "questions.0.kind"',
        text: doc({ questions: [question({ id: 'q', kind: 'grid', columns: ['q'] })] }),
        path: 'questions.0.kind',
      },
      {
        what: 'refuses an empty question id, naming where: "questions.0.id"',
        text: doc({ questions: [question({ id: '', columns: ['q'] })] }),
        path: 'questions.0.id',
      },
      {
        what: 'refuses a question reading no column, naming where: "questions.0.columns"',
        text: doc({ questions: [question({ id: 'q', columns: [] })] }),
        path: 'questions.0.columns',
      },
    ]),
  )('%s', (_, { text, path }) => {
    const e = refused(text);
    expect(e.code).toBe('definition-invalid');
    expect(e.message).toContain(`at "${path}"`);
  });

  it('refuses an unknown key at the top level (the schema is strict)', () => {
    expect(refused(doc({ colour: 'blue' })).code).toBe('definition-invalid');
  });

  it('refuses an unknown key inside a question, naming the question', () => {
    const e = refused(doc({ questions: [question({ id: 'q', columns: ['q'], order: ['a'] })] }));
    expect(e.code).toBe('definition-invalid');
    expect(e.message).toContain('at "questions.0"');
  });

  it('refuses the old "answerOrder" key, pointing to each question\'s "answers"', () => {
    const e = refused(doc({ answerOrder: { q: ['Yes', 'No'] } }));
    expect(e.code).toBe('definition-answer-order-moved');
    expect(e.message).toContain('"answerOrder" is no longer read');
    expect(e.message).toContain('"answers"');
  });
});

describe('parseDefinition refuses questions that cannot be read', () => {
  it.each(
    named([
      {
        what: 'refuses two questions with the same id',
        code: 'definition-duplicate-id',
        questions: [question({ id: 'q1', columns: ['a'] }), question({ id: 'q1', columns: ['b'] })],
        says: 'Two questions in this survey definition have the id "q1"',
      },
      {
        what: 'refuses a single-answer question over two columns',
        code: 'definition-one-column',
        questions: [question({ id: 'q1', columns: ['a', 'b'] })],
        says: 'The single question "q1" in this survey definition names several columns',
      },
      {
        what: 'refuses a numeric question over two columns',
        code: 'definition-one-column',
        questions: [question({ id: 'age', kind: 'numeric', columns: ['a', 'b'] })],
        says: 'The numeric question "age" in this survey definition names several columns',
      },
      {
        what: 'refuses a one-column multi-answer question without a separator',
        code: 'definition-needs-separator',
        questions: [question({ id: 'tags', kind: 'multi', columns: ['tags'] })],
        says: 'The multi-answer question "tags" reads one column, so it needs a "separator"',
      },
      {
        what: 'refuses a battery of three columns with two answers',
        code: 'definition-answers-per-column',
        questions: [
          question({ id: 'apps', kind: 'multi', columns: ['a', 'b', 'c'], answers: ['A', 'B'] }),
        ],
        says: 'The multi-answer question "apps" needs one entry in "answers" per column',
      },
      {
        what: 'refuses a battery of two columns with three answers',
        code: 'definition-answers-per-column',
        questions: [
          question({ id: 'apps', kind: 'multi', columns: ['a', 'b'], answers: ['A', 'B', 'C'] }),
        ],
        says: 'The multi-answer question "apps" needs one entry in "answers" per column',
      },
    ]),
  )('%s', (_, { code, questions, says }) => {
    const e = refused(doc({ questions }));
    expect(e).toMatchObject({ code, file: FILE });
    expect(e.message).toContain(says);
  });

  it('accepts a battery with one answer per column, and a one-column multi with a separator', () => {
    const questions = [
      question({ id: 'apps', kind: 'multi', columns: ['a', 'b', 'c'], answers: ['A', 'B', 'C'] }),
      question({ id: 'tags', kind: 'multi', columns: ['tags'], separator: ';' }),
    ];
    const r = parseDefinition(doc({ questions }), FILE);
    expect(r.ok && r.value.questions?.map((q) => q.id)).toEqual(['apps', 'tags']);
  });
});
