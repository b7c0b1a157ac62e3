// The user's changes to an inferred schema (import preview): rename, set kind,
// group columns into a multi-answer question, ungroup, missing tokens, weight, id.
import { importMessages } from '../messages';
import { fail, ok } from '../result';
import type { Result } from '../result';
import { columnStyle, labelOf } from './infer';
import { profileColumn } from './profile';
import type { Schema, SchemaOverride, SchemaQuestion } from './types';

function unknown(schema: Schema, id: string, file: string): Result<never> {
  return fail({
    code: 'schema-unknown-column',
    message: importMessages.unknownColumn(
      id,
      schema.questions.map((q) => q.id),
    ),
    file,
  });
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
          return fail({
            code: 'schema-not-single',
            message: importMessages.groupNotSingle(o.id),
            file,
          });
        if (o.kind === 'multi') {
          if (o.separator === undefined)
            return fail({
              code: 'schema-multi-separator',
              message: importMessages.multiNeedsSeparator(o.id),
              file,
            });
          q.multi = { encoding: 'delimited', separator: o.separator };
        } else q.multi = null;
        q.kind = o.kind;
        q.reason = 'Set by you.';
        break;
      }
      case 'group': {
        if (o.columns.length === 0)
          return fail({ code: 'schema-group-empty', message: importMessages.groupTooSmall, file });
        const members: SchemaQuestion[] = [];
        for (const id of new Set(o.columns)) {
          const q = find(id);
          if (q === undefined) return unknown(s, id, file);
          if (q.sourceColumns.length !== 1 || q.kind === 'multi')
            return fail({
              code: 'schema-not-single',
              message: importMessages.groupNotSingle(id),
              file,
            });
          members.push(q);
        }
        // The new id must not be another question's (a member's id is free once grouped).
        const owner = find(o.id);
        if (owner !== undefined && !members.includes(owner))
          return fail({
            code: 'schema-duplicate-id',
            message: importMessages.groupIdTaken(o.id),
            file,
          });
        const missing = new Set(s.missingTokens);
        const profiles = members.map((q) =>
          profileColumn(sample, q.sourceColumns[0] ?? 0, missing, s.decimalComma),
        );
        const styles = profiles.map(columnStyle);
        const style = styles.every((st) => st === 'binary' || st === 'empty') ? 'binary' : 'label';
        const group: SchemaQuestion = {
          id: o.id,
          text: o.text ?? o.id,
          kind: 'multi',
          sourceColumns: members.map((q) => q.sourceColumns[0] ?? 0),
          multi: {
            encoding: 'columns',
            style,
            options: members.map((q, k) =>
              style === 'binary' ? q.text : labelOf(profiles[k]!, q.text),
            ),
          },
          grid: null,
          reason: 'Grouped by you.',
        };
        const rest = s.questions.filter((q) => !members.includes(q));
        s = {
          ...s,
          questions: [...rest, group].sort(
            (a, b) => (a.sourceColumns[0] ?? 0) - (b.sourceColumns[0] ?? 0),
          ),
        };
        break;
      }
      case 'ungroup': {
        const q = find(o.id);
        if (q === undefined) return unknown(s, o.id, file);
        const singles: SchemaQuestion[] = q.sourceColumns.map((c) => ({
          id: s.columnNames[c] ?? `Column ${c + 1}`,
          text: s.columnNames[c] ?? `Column ${c + 1}`,
          kind: 'single',
          sourceColumns: [c],
          multi: null,
          grid: q.id,
          reason: 'Ungrouped by you.',
        }));
        const clash = singles.find((x) => s.questions.some((y) => y !== q && y.id === x.id));
        if (clash !== undefined)
          return fail({
            code: 'schema-duplicate-id',
            message: importMessages.ungroupIdTaken(clash.id),
            file,
          });
        s = {
          ...s,
          questions: s.questions
            .flatMap((x) => (x === q ? singles : [x]))
            .sort((a, b) => (a.sourceColumns[0] ?? 0) - (b.sourceColumns[0] ?? 0)),
        };
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
          return fail({
            code: 'schema-not-single',
            message: importMessages.groupNotSingle(o.id),
            file,
          });
        if (kind === 'weight') {
          const p = profileColumn(
            sample,
            q.sourceColumns[0] ?? 0,
            new Set(s.missingTokens),
            s.decimalComma,
          );
          if (sample.length > 0 && (!p.numeric || p.min <= 0))
            return fail({
              code: 'schema-weight-not-numeric',
              message: importMessages.weightNotNumeric(o.id),
              file,
            });
        }
        q.kind = kind;
        q.multi = null;
        q.reason = 'Set by you.';
        s = { ...s, [key]: o.id };
        break;
      }
    }
  }
  return ok(s);
}
