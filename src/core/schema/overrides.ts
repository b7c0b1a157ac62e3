// The user's changes to an inferred schema (import preview): rename, set kind,
// group columns into a multi-answer question, ungroup, missing tokens, weight, id.
import { located, problem } from '../messages';
import { fail, ok } from '../result';
import type { Result } from '../result';
import { canBeWeight, chosenValuesOf, columnStyle, labelOf } from './infer';
import { withMembers } from './members';
import { profileColumn } from './profile';
import type { Schema, SchemaOverride, SchemaQuestion } from './types';

function unknown(schema: Schema, id: string, file: string): Result<never> {
  return fail(
    located(
      { file },
      problem(
        'schema-unknown-column',
        id,
        schema.questions.map((q) => q.id),
      ),
    ),
  );
}

/** Applies `overrides` in order. `sample` (data rows) lets grouping tell label-style from yes/no columns. */
export function applyOverrides(
  schema: Schema,
  overrides: readonly SchemaOverride[],
  file: string,
  sample: readonly string[][] = [],
): Result<Schema> {
  let s: Schema = { ...schema, questions: schema.questions.map((q) => ({ ...q })) };
  for (const o of overrides) {
    const find = (id: string): SchemaQuestion | undefined => s.questions.find((q) => q.id === id);
    switch (o.type) {
      case 'rename': {
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        q.text = o.text;
        break;
      }
      case 'kind': {
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        if (q.sourceColumns.length !== 1)
          return fail(located({ file }, problem('schema-not-single', o.id)));
        if (o.kind === 'multi') {
          if (o.separator === undefined)
            return fail(located({ file }, problem('schema-multi-separator', o.id)));
          q.multi = { encoding: 'delimited', separator: o.separator };
        } else q.multi = null;
        q.kind = o.kind;
        q.reason = 'Set by you.';
        break;
      }
      case 'group': {
        if (o.columns.length === 0) return fail(located({ file }, problem('schema-group-empty')));
        const members: SchemaQuestion[] = [];
        for (const id of new Set(o.columns)) {
          const q = find(id);
          if (q === undefined) return unknown(s, id, file);
          if (q.sourceColumns.length !== 1 || q.kind === 'multi')
            return fail(located({ file }, problem('schema-not-single', id)));
          members.push(q);
        }
        // The new id must not be another question's: members keep their own questions.
        if (find(o.id) !== undefined)
          return fail(located({ file }, problem('schema-duplicate-id', o.id)));
        const missing = new Set(s.missingTokens);
        const profiles = members.map((q) =>
          profileColumn(sample, q.sourceColumns[0] ?? 0, missing, s.decimalComma),
        );
        const styles = profiles.map(columnStyle);
        const style = styles.every((st) => st === 'binary' || st === 'empty') ? 'binary' : 'label';
        const options = members.map((q, k) =>
          style === 'binary' ? q.text : labelOf(profiles[k]!, q.text),
        );
        const chosen = style === 'binary' ? chosenValuesOf(profiles) : [];
        const group: SchemaQuestion = {
          id: o.id,
          text: o.text ?? o.id,
          kind: 'multi',
          sourceColumns: members.map((q) => q.sourceColumns[0] ?? 0),
          multi:
            chosen.length > 0
              ? { encoding: 'columns', style, options, chosen }
              : { encoding: 'columns', style, options },
          grid: null,
          reason: 'Grouped by you.',
        };
        s = { ...s, questions: [...s.questions, group] };
        break;
      }
      case 'ungroup': {
        // The battery goes; its columns keep the questions of their own they always had.
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        if (q.multi?.encoding !== 'columns')
          return fail(located({ file }, problem('schema-not-grouped', o.id)));
        s = { ...s, questions: s.questions.filter((x) => x !== q) };
        break;
      }
      case 'answers': {
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        q.answers = [...o.answers];
        break;
      }
      case 'missing':
        s = { ...s, missingTokens: [...o.tokens] };
        break;
      case 'weight':
      case 'id': {
        const key = o.type === 'weight' ? 'weightId' : 'idColumnId';
        const kind = o.type;
        const old = s[key] === null ? undefined : find(s[key] as string);
        if (old !== undefined) {
          old.kind = kind === 'weight' ? 'numeric' : 'text';
          old.reason = 'Set by you.';
        }
        if (o.id === null) {
          s = { ...s, [key]: null };
          break;
        }
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        if (q.sourceColumns.length !== 1)
          return fail(located({ file }, problem('schema-not-single', o.id)));
        if (kind === 'weight') {
          const p = profileColumn(
            sample,
            q.sourceColumns[0] ?? 0,
            new Set(s.missingTokens),
            s.decimalComma,
          );
          if (sample.length > 0 && !canBeWeight(p))
            return fail(located({ file }, problem('schema-weight-not-numeric', o.id)));
        }
        q.kind = kind;
        q.multi = null;
        q.reason = 'Set by you.';
        s = { ...s, [key]: o.id };
        break;
      }
    }
  }
  return ok(withMembers(s));
}
