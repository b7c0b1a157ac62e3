// A whole text to rows in one call, for small files and tests: the delimiter
// is detected (delimiter.ts, which itself samples with the tokenizer), then the
// streaming tokenizer reads it. Kept apart from tokenize.ts so that the two do
// not import each other.
import type { Result } from '../result';
import { ok } from '../result';
import { detectDelimiter } from './delimiter';
import type { Delimiter } from './delimiter';
import { createTokenizer } from './tokenize';

/**
 * Parse a whole text into rows (copies), detecting the delimiter from the
 * first 64 KB unless given. For small files and tests; large files go
 * through createTokenizer in chunks.
 */
export function parseCsv(
  text: string,
  opts: { delimiter?: Delimiter; file: string },
): Result<{ rows: string[][]; delimiter: Delimiter }> {
  const delimiter = opts.delimiter ?? detectDelimiter(text.slice(0, 64 * 1024)).delimiter;
  const rows: string[][] = [];
  const tok = createTokenizer({
    delimiter,
    file: opts.file,
    onRow: (cells) => void rows.push(cells.slice()),
  });
  const pushed = tok.push(text);
  if (!pushed.ok) return pushed;
  const ended = tok.end();
  if (!ended.ok) return ended;
  return ok({ rows, delimiter });
}
