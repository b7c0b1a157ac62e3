// What the file's dictionary decides, as the Schema the CSV reader would infer:
// one question per variable (named by its long name, worded by its variable
// label), its kind from the dictionary, the file's weight, and each
// multiple-response set as a multi-answer question beside its variables.
// - numeric with value labels on valid values: single-answer, answers in code order;
// - numeric without (or with labels only on its missing values): numeric;
// - string with value labels: single-answer; without: the CSV rules (few
//   distinct values: single-answer; many: free text) over the first cases;
// - the WEIGHT BY variable: the weight (a decision the file made);
// - a respondent id: the CSV rule (named like an id, a different value in every case).
// Dichotomy sets become batteries read by the CSV reader's own encoder (one
// column per option, "chosen" = the counted value's text); category sets have
// no CSV equivalent and are encoded apart (categories.ts).
import { definitionMessages, savMessages as M } from '../messages';
import { classifySingle, inferSchema } from '../schema/infer';
import { withMembers } from '../schema/members';
import { profileColumn } from '../schema/profile';
import type { Schema, SchemaQuestion } from '../schema/types';
import type { CategorySetSpec } from './categories';
import { numberText, type CellReader } from './cells';
import type { SavDictionary, SavMrSet } from './dictionary';

export interface SavSchema {
  /** Variables and dichotomy sets. */
  schema: Schema;
  /** Category sets, added to the table after the rest is encoded. */
  categorySets: CategorySetSpec[];
  /** Each column's missing cell texts (the file's user-missing values). */
  columnMissing: string[][];
  warnings: string[];
}

export function savSchema(
  dict: SavDictionary,
  readers: readonly CellReader[],
  sample: readonly string[][],
  missingTokens: readonly string[],
): SavSchema {
  const names = dict.variables.map((v) => v.name);
  const warnings: string[] = [];
  const surveyMissing = new Set(missingTokens);
  // The CSV rules for what the dictionary leaves open: a respondent id, a proposed weight.
  const inferred = inferSchema({ names, headerLines: 1, rows: sample, missingTokens });
  const weightName = dict.weight?.name ?? null;
  const questions: SchemaQuestion[] = dict.variables.map((v, c) => {
    const reader = readers[c]!;
    const base = { id: v.name, text: v.label ?? v.name, sourceColumns: [c], grid: null };
    const q: SchemaQuestion = { ...base, ...kindOf(c, reader, sample, surveyMissing) };
    if (reader.missingTexts.length > 0) q.missing = [...reader.missingTexts];
    if (v.name === weightName) {
      q.kind = 'weight';
      q.multi = null;
      q.reason = M.reasonWeight;
      delete q.answers;
    } else if (v.name === inferred.idColumnId) {
      q.kind = 'id';
      q.multi = null;
      q.reason = inferred.questions.find((x) => x.id === v.name)?.reason ?? q.reason;
      delete q.answers;
    }
    if (v.missing.range !== null && q.kind !== 'weight')
      q.reason += M.reasonRanges(rangeEnd(v.missing.range.lo), rangeEnd(v.missing.range.hi));
    return q;
  });

  const ids = new Set(questions.map((q) => q.id));
  const uniqueId = (name: string): string => {
    let id = name;
    for (let k = 2; ids.has(id); k++) id = `${name} (${k})`;
    ids.add(id);
    return id;
  };
  const column = new Map(dict.variables.map((v, c) => [v, c]));
  const categorySets: CategorySetSpec[] = [];
  for (const set of dict.mrsets) {
    const columns = set.variables.map((v) => column.get(v)!);
    const text = setText(set);
    if (set.kind === 'category') {
      categorySets.push(categorySet(uniqueId(set.name), text, columns, readers));
      continue;
    }
    const battery = dichotomy(set, columns, readers);
    if (battery === null) {
      warnings.push(
        M.mrsetSkipped(set.name, `its counted value "${set.counted ?? ''}" is not a number`),
      );
      continue;
    }
    questions.push({ ...battery, id: uniqueId(set.name), text });
  }
  if (weightName === null && inferred.proposedWeightId !== null)
    warnings.push(definitionMessages.weightProposed(inferred.proposedWeightId));

  const schema = withMembers({
    columnNames: names,
    headerLines: 1,
    questions,
    missingTokens: [...missingTokens],
    weightId: weightName,
    proposedWeightId: weightName === null ? inferred.proposedWeightId : null,
    idColumnId: questions.some((q) => q.kind === 'id') ? inferred.idColumnId : null,
    decimalComma: false,
    warnings: [],
  });
  return {
    schema,
    categorySets,
    columnMissing: readers.map((r) => r.missingTexts),
    warnings,
  };
}

function kindOf(
  c: number,
  reader: CellReader,
  sample: readonly string[][],
  surveyMissing: ReadonlySet<string>,
): Pick<SchemaQuestion, 'kind' | 'multi' | 'reason' | 'answers'> {
  const v = reader.variable;
  const labels = reader.validLabels;
  if (v.type === 'numeric') {
    if (labels.length > 0)
      return {
        kind: 'single',
        multi: null,
        reason: M.reasonSingle(labels.length),
        answers: [...labels],
      };
    const reason = v.valueLabels.length > 0 ? M.reasonNumericMissingLabels : M.reasonNumeric;
    return { kind: 'numeric', multi: null, reason };
  }
  if (labels.length > 0)
    return {
      kind: 'single',
      multi: null,
      reason: M.reasonStringLabels(labels.length),
      answers: [...labels],
    };
  const missing = new Set([...surveyMissing, ...reader.missingTexts]);
  const found = classifySingle(v.name, profileColumn(sample, c, missing, false));
  return { ...found, reason: M.reasonString(found.reason) };
}

function rangeEnd(x: number): string {
  if (x <= -Number.MAX_VALUE) return 'LOWEST';
  if (x >= Number.MAX_VALUE) return 'HIGHEST';
  return numberText(x);
}

/** The set's wording: its label; for "E 11" sets, the first variable's label. */
function setText(set: SavMrSet): string {
  if (set.labelFromVariable) return set.variables[0]?.label ?? (set.label || set.name);
  return set.label || set.name;
}

/** Option labels made unique by the variable's name. */
function unique(labels: string[], names: string[]): string[] {
  const seen = new Set<string>();
  return labels.map((l, k) => {
    let out = l;
    if (seen.has(out)) out = `${l} (${names[k]!})`;
    for (let n = 2; seen.has(out); n++) out = `${l} (${names[k]!} ${n})`;
    seen.add(out);
    return out;
  });
}

function dichotomy(
  set: SavMrSet,
  columns: number[],
  readers: readonly CellReader[],
): Omit<SchemaQuestion, 'id' | 'text'> | null {
  const numeric = set.variables[0]?.type === 'numeric';
  const counted: number | string = numeric ? Number(set.counted ?? '') : (set.counted ?? '');
  if (numeric && (set.counted === null || set.counted === '' || !Number.isFinite(counted)))
    return null;
  const members = columns.map((c) => readers[c]!);
  // What a chosen cell holds in each variable: the counted value's label, or the value itself.
  const chosen = [...new Set(members.map((r) => r.textOf(counted)))];
  const names = set.variables.map((v) => v.name);
  const labels = set.variables.map((v) => {
    if (set.countedValueLabels) {
      const label = v.valueLabels.find((l) => l.value === counted)?.label;
      if (label !== undefined && label !== '') return label;
    }
    return v.label ?? v.name;
  });
  const missing = [...new Set(members.flatMap((r) => r.missingTexts))];
  const q: Omit<SchemaQuestion, 'id' | 'text'> = {
    kind: 'multi',
    sourceColumns: columns,
    multi: { encoding: 'columns', style: 'binary', options: unique(labels, names), chosen },
    grid: null,
    reason: M.reasonDichotomy(`"${chosen.join('" or "')}"`, columns.length),
  };
  if (missing.length > 0) q.missing = missing;
  return q;
}

function categorySet(
  id: string,
  text: string,
  columns: number[],
  readers: readonly CellReader[],
): CategorySetSpec {
  const members = columns.map((c) => readers[c]!);
  const codes = new Map<string, number | string>();
  for (const r of members)
    for (const label of r.validLabels) {
      const code = r.codeOf(label);
      if (code !== undefined && !codes.has(label)) codes.set(label, code);
    }
  const options = [...codes.keys()];
  return {
    id,
    text,
    columns,
    missing: members.map((r) => new Set(r.missingTexts)),
    options,
    codeOf: (label) => {
      if (codes.has(label)) return codes.get(label);
      for (const r of members) {
        const code = r.codeOf(label);
        if (code !== undefined) return code;
      }
      return undefined;
    },
  };
}

/** Reason shown for a category set in the import preview. */
export const categoryReason = (n: number): string => M.reasonCategory(n);
