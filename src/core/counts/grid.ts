// The rows of a pasted or typed table: split by the detected delimiter (tab,
// comma, semicolon or pipe, quotes respected: the import's own tokenizer),
// blank lines dropped, trailing empty columns trimmed. Each row keeps the line
// it was typed on, so every problem names the row the user sees.
import { detectDelimiter } from '../csv/delimiter';
import { createTokenizer } from '../csv/tokenize';
import { ok, type Result } from '../result';

export interface GridRow {
  cells: string[];
  /** 1-based line of the pasted text. */
  line: number;
}

export function splitGrid(text: string): Result<GridRow[]> {
  const source = text.replace(/^\uFEFF/, '');
  const { delimiter } = detectDelimiter(source.slice(0, 65536));
  const rows: GridRow[] = [];
  const tokenizer = createTokenizer({
    delimiter,
    file: '',
    onRow: (cells, line) => {
      if (cells.some((c) => c.trim() !== '')) rows.push({ cells: cells.slice(), line });
    },
  });
  // A quote left open would swallow the rows after it: the tokenizer's error says where.
  const pushed = tokenizer.push(source);
  if (!pushed.ok) return pushed;
  const ended = tokenizer.end();
  if (!ended.ok) return ended;
  let width = 0;
  for (const r of rows) {
    let w = r.cells.length;
    while (w > 0 && (r.cells[w - 1] ?? '').trim() === '') w--;
    width = Math.max(width, w);
  }
  return ok(rows.map((r) => ({ cells: r.cells.slice(0, width), line: r.line })));
}
