// Respondent data's columns and questions (src/core/schema): the header, the
// user's overrides in the import preview (groups, kinds, the weight).
import { isolate } from '../format/bidi';
import { quotedList } from './words';

export const schemaErrors = {
  'schema-duplicate-header': (name: string, first: number, second: number) =>
    `Columns ${first} and ${second} are both named "${isolate(name)}". Rename one of them so each column has its own name.`,
  'schema-unknown-column': (id: string, valid: string[]) =>
    `There is no column "${isolate(id)}". Pick one of: ${quotedList(valid)}.`,
  'schema-weight-not-numeric': (id: string) =>
    `Column "${isolate(id)}" cannot be a weight: its values are not numbers. Pick a numeric column or no weight.`,
  'schema-group-empty':
    'A multi-answer question needs at least one column. Pick the columns that form the question.',
  'schema-not-single': (id: string) =>
    `"${isolate(id)}" is not a single-column question, so it cannot be grouped. Ungroup it first.`,
  'schema-duplicate-id': (id: string) =>
    `There is already a question "${isolate(id)}". Give the grouped question another name.`,
  'schema-not-grouped': (id: string) =>
    `"${isolate(id)}" is not a question grouped from several columns, so there is nothing to ungroup.`,
  'schema-multi-separator': (id: string) =>
    `To read "${isolate(id)}" as multi-answer, say which separator joins the options in a cell (";", "|" or ",").`,
} as const;

/** Warnings: the file is read, with this said about it. */
export const importMessages = {
  duplicateHeaderRenamed: (name: string, column: number, renamed: string) =>
    `Column ${column} repeats the name "${isolate(name)}" (a free-text "other" column); it is read as "${isolate(renamed)}".`,
  notNumbers: (id: string, n: number) =>
    `${n} value${n === 1 ? '' : 's'} in numeric column "${isolate(id)}" ${n === 1 ? 'is' : 'are'} not a number and ${n === 1 ? 'was' : 'were'} read as missing.`,
} as const;
