// `definition <file> [shared flags]`: the complete survey definition the file
// is read with (its own <name>.json or --definition, then --weight, --no-weight
// and --multi, --read-as), as the app downloads it. Save it, edit it, and pass it back
// with --definition: every decision about the file in one document.
import type { SurveyDefinition } from '../core/definition/definition';
import { formatDefinition } from '../core/definition/definition';
import { located, problem } from '../core/messages';
import { fail, ok } from '../core/result';
import type { Result } from '../core/result';
import type { FileArgs } from './args';
import { openSurvey } from './open';
import { runCommand } from './run';

export function runDefinition(argv: readonly string[]): Promise<number> {
  return runCommand('definition', argv, async (args) => {
    const result = await definitionOfFile(args);
    return result.ok ? ok(formatDefinition(result.value)) : result;
  });
}

/**
 * Opens a respondent file as the app does: the complete, resolved definition.
 * A two-column table of percents read as one published question: the
 * decision ("content": "published-question") with its wording, publisher,
 * date, kind and base, to edit and pass back.
 */
export async function definitionOfFile(
  args: Omit<FileArgs, 'json'>,
): Promise<Result<SurveyDefinition>> {
  const opened = await openSurvey(args);
  if (!opened.ok) return opened;
  const loaded = opened.value;
  // A published file says everything itself; a table read as one published question has its decision.
  if (loaded.definition === undefined)
    return fail(located({ file: args.file }, problem('cli-not-respondents')));
  return ok(loaded.definition);
}
