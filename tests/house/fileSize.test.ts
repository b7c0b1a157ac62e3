// The house rule on length: no source file under src/ is over 400 lines; a
// longer one is split by concept. A file may stay long only when its first 15
// lines say why, in a comment with the marker "long-file:" (the counting
// kernels do: their loops are written out per array type for speed).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 400;
const HEAD_LINES = 15;
const MARKER = /^\s*(?:\/\/|\/?\*).*\blong-file:/;
/** Source files: code, and the stylesheets (src/ui/styles/, one per concept). */
const CODE = /\.(?:ts|tsx|js|cjs|mjs|css)$/;

const root = new URL('../../', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Lines as `wc -l` counts them: a last line without its newline still counts. */
function lineCount(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

const saysWhyLong = (text: string) =>
  text
    .split('\n')
    .slice(0, HEAD_LINES)
    .some((line) => MARKER.test(line));

interface Measured {
  file: string;
  lines: number;
  exempt: boolean;
}

function measure(file: string, text: string): Measured {
  return { file, lines: lineCount(text), exempt: saysWhyLong(text) };
}

const sources: Measured[] = filesUnder(join(root, 'src'))
  .filter((f) => CODE.test(f))
  .map((f) => measure(relative(root, f), readFileSync(f, 'utf8')));

describe('the length of source files', () => {
  it('keeps every file under src/ at 400 lines or fewer unless it says why it is long', () => {
    const over = sources
      .filter((s) => s.lines > MAX_LINES && !s.exempt)
      .map((s) => `${s.file}: ${s.lines} lines (split it by concept, or say why in "long-file:")`);
    expect(over).toEqual([]);
  });

  it('finds no "long-file:" marker on a file that is not long (a stale exemption)', () => {
    const stale = sources
      .filter((s) => s.exempt && s.lines <= MAX_LINES)
      .map((s) => `${s.file}: ${s.lines} lines`);
    expect(stale).toEqual([]);
  });

  it.each(['src/core/crosstab/count.ts', 'src/core/table/fused.ts'])(
    'reads the reason %s is long from its header',
    (file) => {
      const found = sources.find((s) => s.file === file);
      expect(found?.exempt).toBe(true);
      expect(found?.lines).toBeGreaterThan(MAX_LINES);
    },
  );

  it.each([
    ['400 lines ending in a newline', 'x\n'.repeat(400), 400, false],
    ['401 lines, the last without its newline', 'x\n'.repeat(400) + 'x', 401, false],
    ['a marker on line 15', '\n'.repeat(14) + '// long-file: hot loop\n', 15, true],
    ['a marker on line 16, too late', '\n'.repeat(15) + '// long-file: hot loop\n', 16, false],
    ['the word in code, not a comment', 'const s = "long-file: no";\n', 1, false],
    ['a marker in a block comment', '/*\n * long-file: generated\n */\n', 3, true],
  ])('counts %s', (_name, text, lines, exempt) => {
    expect(measure('f.ts', text)).toEqual({ file: 'f.ts', lines, exempt });
  });
});
