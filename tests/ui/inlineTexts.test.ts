// Issue #16: every text the app can say lives in src/core/messages/. This reads
// every component in src/ui/ and fails on a text written inline: JSX text with
// letters between tags, and a string (or template) with letters given to an
// attribute a person reads or hears (aria-label, title, placeholder, alt, and
// the label props of our own components) or placed as a JSX child.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const UI = join(__dirname, '../../src/ui');

/** Attributes whose value is read or heard. */
const SPOKEN = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Attributes that hold names for the code, never texts: any other string with letters is a text. */
const NOT_TEXT = new Set([
  'className',
  'id',
  'key',
  'type',
  'name',
  'value',
  'href',
  'rel',
  'role',
  'scope',
  'htmlFor',
  'accept',
  'inputMode',
  'autoComplete',
  'method',
  'target',
  'lang',
  'dir',
  'viewBox',
  'xmlns',
  'axis',
  'aria-live',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-sort',
  'aria-current',
  'aria-haspopup',
  'aria-orientation',
  'aria-hidden',
  'aria-expanded',
  'aria-pressed',
  'aria-required',
  'aria-invalid',
  'aria-modal',
  'wrap',
  'spellCheck',
  'autoCapitalize',
  'enterKeyHint',
  'pattern',
  'min',
  'max',
  'step',
]);

const LETTERS = /\p{L}/u;
/** Sentence-like: a capitalised word, then another word ("Add filter", "No figures are …"). */
const SENTENCE = /^\p{Lu}\p{Ll}*[ ,:;]+\p{L}/u;

/** The text of a literal with letters in it (a template's fixed parts), else null. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return LETTERS.test(node.text) ? node.text : null;
  if (ts.isTemplateExpression(node)) {
    const fixed = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
    return LETTERS.test(fixed) ? fixed : null;
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node))
    return literalText(node.whenTrue) ?? literalText(node.whenFalse);
  if (ts.isBinaryExpression(node)) return literalText(node.left) ?? literalText(node.right);
  return null;
}

/** Each inline text in one component's source, as "file:line: text". */
export function inlineTexts(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, what: string, text: string) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push(`${file}:${line}: ${what} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (LETTERS.test(node.text)) report(node, 'text', node.text);
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (init !== undefined && !NOT_TEXT.has(name) && !name.startsWith('data-')) {
        const expr = ts.isJsxExpression(init) ? init.expression : init;
        // Any attribute given a plain string with letters; a spoken one, any expression holding one.
        const text =
          expr === undefined
            ? null
            : SPOKEN.has(name)
              ? literalText(expr)
              : ts.isStringLiteral(expr) && LETTERS.test(expr.text)
                ? expr.text
                : null;
        if (text !== null) {
          report(node, `${name}=`, text);
          return;
        }
      }
      if (init === undefined || NOT_TEXT.has(name) || name.startsWith('data-')) return;
    } else if (
      ts.isJsxExpression(node) &&
      node.expression !== undefined &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const text = literalText(node.expression);
      if (text !== null) {
        report(node, 'text', text);
        return;
      }
    } else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isLiteralTypeNode(node.parent) &&
      SENTENCE.test(node.text)
    ) {
      // A sentence in the code (a table's header, a status set in a handler).
      report(node, 'string', node.text);
    } else if (ts.isTemplateExpression(node) && SENTENCE.test(node.head.text)) {
      report(node, 'string', node.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const components = readdirSync(UI)
  .filter((name) => name.endsWith('.tsx'))
  .sort();

describe('user-facing texts in the components', () => {
  it('reads every component in src/ui', () => {
    expect(components.length).toBeGreaterThanOrEqual(40);
  });

  it('finds no inline text in any component: each comes from src/core/messages', () => {
    const found = components.flatMap((name) =>
      inlineTexts(`src/ui/${name}`, readFileSync(join(UI, name), 'utf8')),
    );
    expect(found).toEqual([]);
  });
});

describe('the inline-text check itself', () => {
  it('names the file and line of JSX text with letters between tags', () => {
    const src = 'export const A = () => (\n  <p>\n    Hello there\n  </p>\n);\n';
    expect(inlineTexts('A.tsx', src)).toEqual(['A.tsx:3: text "Hello there"']);
  });

  it('catches spoken attributes given as strings or templates, and literal children', () => {
    const src = [
      'export const B = ({ n }: { n: string }) => (',
      '  <div aria-label="Settings" title={`Sort by ${n}`}>',
      '    <input placeholder={"Type here"} alt="" />',
      "    {'Total'}",
      '  </div>',
      ');',
    ].join('\n');
    expect(inlineTexts('B.tsx', src)).toEqual([
      'B.tsx:2: aria-label= "Settings"',
      'B.tsx:2: title= "Sort by …"',
      'B.tsx:3: placeholder= "Type here"',
      'B.tsx:4: text "Total"',
    ]);
  });

  it('lets through texts from the messages, glyphs, class names and test ids', () => {
    const src = [
      'export const C = () => (',
      '  <p className="banner notice" data-testid="notice" aria-label={M.close}>',
      '    {M.heading} · <span aria-hidden="true">×</span> {"—"}',
      '  </p>',
      ');',
    ].join('\n');
    expect(inlineTexts('C.tsx', src)).toEqual([]);
  });

  it('does not take type arguments such as useRef<HTMLElement>(null) for text', () => {
    const src =
      'const a = useRef<HTMLDivElement>(null);\nconst b = useState<string | null>(null);\n';
    expect(inlineTexts('D.tsx', src)).toEqual([]);
  });
});
