// The one door every command opens a survey file by. It refuses anything that
// is not a regular file before opening it (a folder, a named pipe, /dev/zero:
// never hang), checks the size before reading, reads the survey definition
// (--definition, or <name>.json beside the data), turns --multi, --weight and
// --no-weight into the schema overrides the app's import preview makes, and
// hands the bytes to the core's loadSurveyFileAsync: the same reading as the app
// (CSV, SPSS, Parquet and Excel workbooks alike; --sheet picks a workbook's sheet;
// --read-as decides whether the rows are respondents or one published question).
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { emptyDefinition, parseDefinition } from '../core/definition/definition';
import type { SurveyDefinition } from '../core/definition/definition';
import { cliMessages as M, located, problem } from '../core/messages';
import { loadSurveyFileAsync } from '../core/pipeline';
import type { LoadOptions, Loaded } from '../core/pipeline';
import { fail, ok } from '../core/result';
import type { Result, SurveyError } from '../core/result';
import type { SchemaOverride } from '../core/schema/types';
import { sidecarPath } from '../core/surveys';
import { isZipFile } from '../core/xlsx/index';
import type { FileArgs } from './args';

/** The largest file read: 2 GiB − 1 bytes, the most one read of a file gives in Node. */
export const MAX_FILE_BYTES = 2 ** 31 - 1;
/** A survey definition is small JSON; anything this large is the wrong file. */
const MAX_DEFINITION_BYTES = 64 * 1024 ** 2;

/** What `openSurvey` needs: the file and how to read it (the shared flags). */
export type OpenArgs = Pick<
  FileArgs,
  'file' | 'encoding' | 'delimiter' | 'definition' | 'weight' | 'multi' | 'sheet' | 'readAs'
>;

/** Reads and loads a survey file as the app does; a SurveyError saying why not. */
export async function openSurvey(args: OpenArgs): Promise<Result<Loaded>> {
  const bytes = await readRegularFile(args.file, MAX_FILE_BYTES, (file, size, limit) =>
    problem('cli-too-large', file, size, limit),
  );
  if (!bytes.ok) return bytes;
  const definition = await readDefinition(args);
  if (!definition.ok) return definition;

  const opts: LoadOptions = { file: args.file };
  if (args.encoding !== undefined) opts.encoding = args.encoding;
  if (args.delimiter !== undefined) opts.delimiter = args.delimiter;
  if (args.sheet !== undefined) {
    // A sheet of something that is no workbook is a mistake worth saying, not ignoring.
    if (!isZipFile(bytes.value))
      return fail(located({ file: args.file }, problem('cli-sheet-not-workbook')));
    opts.sheet = args.sheet;
  }
  if (definition.value !== null) opts.definition = definition.value;
  if (args.readAs !== undefined) {
    // --read-as decides what the rows are, as the definition's "content" would.
    const decided: SurveyDefinition = { ...(definition.value ?? emptyDefinition()) };
    decided.content = args.readAs;
    if (args.readAs === 'respondents') delete decided.published;
    opts.definition = decided;
  }
  if (args.weight !== undefined) opts.weightId = args.weight;
  const groups: SchemaOverride[] = args.multi.map((m) => ({
    type: 'group',
    id: m.id,
    columns: m.columns,
  }));
  if (groups.length > 0) opts.schemaOverrides = groups;

  const loaded = await loadSurveyFileAsync(bytes.value, opts);
  if (!loaded.ok) return loaded;
  if (loaded.value.kind === 'distribution') {
    // Published percentages have no weight, groups or definition to decide.
    const flags = [
      ...(args.weight === undefined ? [] : [args.weight === null ? '--no-weight' : '--weight']),
      ...(args.multi.length === 0 ? [] : ['--multi']),
      // A table read as one published question was decided by its definition: that one is read.
      ...(args.definition === undefined || loaded.value.definition !== undefined
        ? []
        : ['--definition']),
    ];
    if (flags.length > 0)
      return fail(located({ file: args.file }, problem('cli-respondent-flags', flags)));
  }
  return loaded;
}

/** The --definition file, or else the definition beside the data when there is one. */
async function readDefinition(args: OpenArgs): Promise<Result<SurveyDefinition | null>> {
  let file = args.definition;
  if (file === undefined) {
    const beside = sidecarPath(args.file);
    if (beside === args.file || !(await isRegularFile(beside))) return ok(null);
    file = beside;
  }
  const bytes = await readRegularFile(file, MAX_DEFINITION_BYTES, (name, size, limit) =>
    problem('cli-definition-too-large', name, size, limit),
  );
  if (!bytes.ok) return bytes;
  const text = new TextDecoder('utf-8').decode(bytes.value); // drops a byte order mark
  return parseDefinition(text, file);
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * The bytes of a regular file of at most `limit` bytes. The path is looked at
 * before it is opened (opening a named pipe waits for a writer), and opened
 * without blocking, then checked again, in case it changed in between.
 */
async function readRegularFile(
  file: string,
  limit: number,
  tooLarge: (file: string, bytes: number, limit: number) => SurveyError,
): Promise<Result<Uint8Array>> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (e) {
    return fail(cannotRead(file, reason(e)));
  }
  const refused = refusal(file, info, limit, tooLarge);
  if (refused !== null) return fail(refused);
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail(cannotRead(file, reason(e)));
  }
  try {
    const again = refusal(file, await handle.stat(), limit, tooLarge);
    if (again !== null) return fail(again);
    const buffer = await handle.readFile();
    // A view, not a copy: a file near the limit must not be held twice.
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
  } catch (e) {
    return fail(cannotRead(file, reason(e)));
  } finally {
    await handle.close();
  }
}

function refusal(
  file: string,
  info: Stats,
  limit: number,
  tooLarge: (file: string, bytes: number, limit: number) => SurveyError,
): SurveyError | null {
  if (!info.isFile()) {
    const why = info.isDirectory()
      ? M.isFolder
      : info.isFIFO()
        ? M.isPipe
        : info.isCharacterDevice() || info.isBlockDevice()
          ? M.isDevice
          : info.isSocket()
            ? M.isSocket
            : M.notRegular;
    return cannotRead(file, why);
  }
  if (info.size > limit) return located({ file }, tooLarge(file, info.size, limit));
  return null;
}

const cannotRead = (file: string, why: string): SurveyError =>
  located({ file }, problem('cli-cannot-read', file, why));

function reason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return M.noSuchFile;
  if (code === 'EISDIR') return M.isFolder;
  if (code === 'EACCES' || code === 'EPERM') return M.permissionDenied;
  return e instanceof Error ? e.message : String(e);
}

/** An error as stderr shows it: `file:line:column: message` (as much of the place as is known). */
export function formatError(e: SurveyError): string {
  if (e.file === undefined) return e.message;
  // "Cannot read x.csv: …" and "x.csv is … bytes" already name the file.
  if (
    e.code === 'cli-cannot-read' ||
    e.code === 'cli-too-large' ||
    e.code === 'cli-definition-too-large'
  )
    return e.message;
  const line = e.line === undefined ? '' : `:${e.line}`;
  const column = e.line === undefined || e.column === undefined ? '' : `:${e.column}`;
  return `${e.file}${line}${column}: ${e.message}`;
}
