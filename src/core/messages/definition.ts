// Survey definitions (src/core/definition): reading one, and applying it to a file.
import { isolate } from '../format/bidi';
import { quotedList } from './words';

/** A survey definition that cannot be read, or cannot be applied to this file. */
export const definitionErrors = {
  'definition-not-json': (line: number, column: number) =>
    `This survey definition is not valid JSON: it breaks at line ${line}, column ${column} (a missing comma, quote or bracket, or the file was cut short). Fix it there, or download the definition again from the app.`,
  'definition-not-object':
    'This survey definition is not a JSON object. A definition starts with {"format": "survey-workbench-definition", "version": 1, …}.',
  'definition-answer-order-moved':
    '"answerOrder" is no longer read: write each question\'s answer order as its "answers" list in "questions" (see the README\'s survey definition section).',
  'definition-version': (version: number) =>
    `This survey definition is version ${version}, newer than this app reads (1). Update Survey Workbench, or ask for a version 1 definition.`,
  'definition-invalid': (path: string, problem: string) =>
    `This survey definition is not valid${path === '' ? '' : ` at "${isolate(path)}"`}: ${problem}. Fix that entry, or download the definition again from the app.`,
  'definition-duplicate-id': (id: string) =>
    `Two questions in this survey definition have the id "${isolate(id)}". Give each question its own id.`,
  'definition-one-column': (id: string, kind: string) =>
    `The ${kind} question "${isolate(id)}" in this survey definition names several columns; only a multi-answer question reads more than one column.`,
  'definition-needs-separator': (id: string) =>
    `The multi-answer question "${isolate(id)}" reads one column, so it needs a "separator" (";", "|" or ",") saying what joins the chosen options in a cell.`,
  'definition-separator-one-column': (id: string) =>
    `The multi-answer question "${isolate(id)}" reads several columns, so it takes no "separator": a separator is for options joined inside one cell.`,
  'definition-answers-per-column': (id: string) =>
    `The multi-answer question "${isolate(id)}" needs one entry in "answers" per column (the option each column stands for).`,
  'definition-unknown-column': (column: string, question: string, valid: string[]) =>
    `The survey definition's question "${isolate(question)}" reads the column "${isolate(column)}", which this file does not have. The file's columns are: ${quotedList(valid)}.`,
  'definition-unknown-weight': (column: string, valid: string[]) =>
    `The survey definition weights by the column "${isolate(column)}", which this file does not have. The file's columns are: ${quotedList(valid)}.`,
  'definition-unknown-id': (column: string, valid: string[]) =>
    `The survey definition names "${isolate(column)}" as the respondent id column, which this file does not have. The file's columns are: ${quotedList(valid)}.`,
  'definition-published-without-content':
    'This survey definition gives a published question\'s details ("published") but does not say the file holds one: add "content": "published-question", or remove "published" to read the file as respondent rows.',
  'definition-published-respondent-keys': (keys: string[]) =>
    `This survey definition reads the file as one published question ("content": "published-question"), which has no respondents, yet it also gives ${keys.map((k) => `"${k}"`).join(', ')}. Remove ${keys.length === 1 ? 'it' : 'them'}, or set "content" to "respondents" to read one row per respondent.`,
} as const;

export const definitionMessages = {
  unknownKeys: (keys: readonly string[]) =>
    `it has ${keys.length === 1 ? 'a key' : 'keys'} a definition does not use (${keys.map((k) => `"${isolate(k)}"`).join(', ')}); remove ${keys.length === 1 ? 'it' : 'them'} or check the spelling`,
  notAllowed: (values: readonly string[]) =>
    `the value must be one of ${values.map((v) => `"${isolate(v)}"`).join(', ')}`,
  wrongType: (expected: string) =>
    `the value must be ${expected === 'array' ? 'a list' : `a ${expected}`}`,
  outOfBounds: 'the value is empty or too long',
  weightProposed: (column: string) =>
    `"${isolate(column)}" looks like a survey weight, but the figures are unweighted: weighting is your decision. Choose it as the weight in the import preview (or pass --weight "${isolate(column)}"), or keep the figures unweighted.`,
} as const;
