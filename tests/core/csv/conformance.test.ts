// Conformance with published CSV test suites kept beside the project in
// ../shared/datasets (read-only; skipped, with a note, when absent).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/core/csv/decode';
import { parseCsv } from '../../../src/core/csv/parse';
import type { Delimiter } from '../../../src/core/csv/delimiter';

const DATA = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const SPECTRUM = `${DATA}csv-spectrum/`;
const PAPA = `${DATA}papaparse/papaparse-test-cases.json`;

const haveSpectrum = existsSync(`${SPECTRUM}csvs`);
const havePapa = existsSync(PAPA);
if (!haveSpectrum) console.log(`csv-spectrum conformance skipped: ${SPECTRUM} is absent`);
if (!havePapa) console.log(`PapaParse conformance skipped: ${PAPA} is absent`);

// ---- csv-spectrum ------------------------------------------------------------

/** Upstream's JSON for this case disagrees with its own CSV (another phone number, and no array). */
const SPECTRUM_KNOWN_BAD = new Set(['location_coordinates']);

const spectrumCases = haveSpectrum
  ? readdirSync(`${SPECTRUM}csvs`)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => f.slice(0, -4))
      .filter((name) => !SPECTRUM_KNOWN_BAD.has(name))
      .sort()
  : [];

describe.skipIf(!haveSpectrum)('csv-spectrum conformance', () => {
  it('covers the twelve upstream cases but the known-bad one', () => {
    expect(spectrumCases).toHaveLength(11);
  });

  it.each(spectrumCases.map((name) => [name, name]))(
    '%s.csv parses to the header and values of %s.json',
    (name) => {
      const { text, lossyLines } = decodeBytes(
        readFileSync(`${SPECTRUM}csvs/${name}.csv`),
        'utf-8',
      );
      expect(lossyLines).toEqual([]);
      const expected = JSON.parse(readFileSync(`${SPECTRUM}json/${name}.json`, 'utf8')) as Record<
        string,
        string
      >[];
      const parsed = parseCsv(text, { file: `${name}.csv` });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const [header, ...rows] = parsed.value.rows;
      expect(header).toEqual(Object.keys(expected[0] ?? {}));
      expect(rows).toEqual(expected.map((o) => Object.values(o)));
    },
  );
});

// ---- PapaParse declarative cases ----------------------------------------------

interface PapaCase {
  description: string;
  input: string;
  config?: Record<string, unknown>;
  configHadFunction?: boolean;
  disabled?: boolean;
  expected: { data?: unknown[]; errors?: { code?: string }[] };
}
interface PapaFile {
  groups: Record<string, { cases: PapaCase[] }>;
}

const OUR_DELIMITERS = new Set<string>([',', ';', '\t', '|']);

/**
 * Where our dialect deliberately differs from PapaParse's (documented in
 * src/core/csv/tokenize.ts), the case is skipped with the reason.
 */
const PAPA_DIFFERENT: Record<string, string> = {
  'Mixed slash n and slash r should choose first as precident':
    'PapaParse ends rows at one newline style only; we end rows at LF, CRLF and lone CR alike',
};

interface Runnable {
  group: string;
  c: PapaCase;
  delimiter: Delimiter | undefined;
}

function selectPapa(): { run: Runnable[]; skipped: { description: string; why: string }[] } {
  const run: Runnable[] = [];
  const skipped: { description: string; why: string }[] = [];
  if (!havePapa) return { run, skipped };
  const file = JSON.parse(readFileSync(PAPA, 'utf8')) as PapaFile;
  for (const [group, { cases }] of Object.entries(file.groups)) {
    for (const c of cases) {
      const config = c.config ?? {};
      const why = c.disabled
        ? 'disabled upstream'
        : c.configHadFunction
          ? 'config held a function'
          : Object.entries(config).some(
                ([k, v]) =>
                  !(k === 'newline' || k === 'delimiter' || (k === 'header' && v === false)),
              )
            ? `config ${JSON.stringify(config)} is not default parsing`
            : typeof config.delimiter === 'string' && !OUR_DELIMITERS.has(config.delimiter)
              ? `delimiter ${JSON.stringify(config.delimiter)} is not one we read`
              : PAPA_DIFFERENT[c.description];
      if (why !== undefined) {
        skipped.push({ description: c.description, why });
        continue;
      }
      // The core parser defaults to a comma; Papa.parse guesses the delimiter, as parseCsv does.
      const delimiter =
        (config.delimiter as Delimiter | undefined) ??
        (group === 'CORE_PARSER_TESTS' ? ',' : undefined);
      run.push({ group, c, delimiter });
    }
  }
  return { run, skipped };
}

const papa = selectPapa();
if (havePapa)
  console.log(
    `PapaParse cases: ${papa.run.length} run, ${papa.skipped.length} skipped (non-default config, other dialect choices)`,
  );

/**
 * PapaParse ends a text that ends with a line break with one more row [""];
 * we (like RFC 4180, Python's csv and R) do not. Drop that row from the expectation.
 */
function expectedRows(c: PapaCase): unknown[] {
  const data = [...(c.expected.data ?? [])];
  const last = data[data.length - 1];
  if (/[\r\n]$/.test(c.input) && Array.isArray(last) && last.length === 1 && last[0] === '')
    data.pop();
  return data;
}

describe.skipIf(!havePapa)(
  `PapaParse declarative cases (${papa.run.length} run, ${papa.skipped.length} skipped)`,
  () => {
    it('runs at least 80 default-config cases', () => {
      expect(papa.run.length).toBeGreaterThanOrEqual(80);
    });

    it.each(papa.run.map((r) => [`${r.group}: ${r.c.description}`, r] as const))(
      '%s',
      (_name, { c, delimiter }) => {
        const parsed = parseCsv(c.input, { file: 'case.csv', ...(delimiter ? { delimiter } : {}) });
        const codes = (c.expected.errors ?? []).map((e) => e.code);
        if (codes.includes('MissingQuotes')) {
          expect(parsed.ok ? 'parsed' : parsed.error.code).toBe('csv-unclosed-quote');
          return;
        }
        const rows = expectedRows(c);
        if (rows.length === 0) {
          expect(parsed.ok ? 'parsed' : parsed.error.code).toBe('import-empty');
          return;
        }
        expect(parsed.ok ? parsed.value.rows : parsed.error).toEqual(rows);
      },
    );
  },
);
