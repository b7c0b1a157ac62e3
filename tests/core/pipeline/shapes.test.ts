import { describe, expect, it } from 'vitest';
import { previewSurveyFile } from '../../../src/core/pipeline';
import type { SingleColumn } from '../../../src/core/table/types';
import { answers, column, load, loadRespondents } from '../../support/pipeline';

const BANNER = [
  'AMONG ADULT MEN,,Adult Men,Age,,Children,',
  ',,,18 - 34,35 and up,Has children,No children',
  '"In general, how ""manly"" do you feel?",,,,,,',
  ',Very,37%,29%,42%,43%,30%',
  ',Not very,63%,71%,58%,57%,70%',
  'Where have you gotten your ideas? (Select all that apply.),,,,,,',
  ',Father,64%,58%,66%,67%,60%',
  ',Friends,35%,42%,33%,31%,40%',
  ',Pop culture,23%,42%,17%,13%,35%',
  'AMONG EMPLOYED: Is it an advantage to be a man at work?,,,,,,',
  ',Yes,30.5%,,28%,31%,29%',
  ',,,,,,',
].join('\n');

describe('the three shapes', () => {
  it('reads a banner table as published figures, one segment per banner column', () => {
    const r = load(BANNER, { file: 'men.csv' });
    if (!r.ok || r.value.kind !== 'distribution') throw new Error('expected a distribution');
    expect(r.value.detected.shape).toBe('banner');
    const { survey } = r.value;
    expect(survey.meta).toMatchObject({ title: 'men', population: 'AMONG ADULT MEN' });
    expect(survey.questions.map((q) => q.text)).toEqual([
      'In general, how "manly" do you feel?',
      'Where have you gotten your ideas? (Select all that apply.)',
      'Is it an advantage to be a man at work?',
    ]);
    const q1 = survey.questions[0];
    expect(q1?.series.map((s) => s.segment)).toEqual([
      'Adult Men',
      'Age: 18 - 34',
      'Age: 35 and up',
      'Children: Has children',
      'Children: No children',
    ]);
    expect(q1?.series[1]?.options.map((o) => [o.label, o.percent?.value])).toEqual([
      ['Very', 29],
      ['Not very', 71],
    ]);
    const multi = survey.questions[1]?.series[0]?.options.reduce(
      (t, o) => t + (o.percent?.value ?? 0),
      0,
    );
    expect(multi).toBe(122);
    expect(survey.questions[1]?.declaredKind).toBeNull();
    const sub = survey.questions[2]?.series[0];
    expect(sub).toMatchObject({ base: 'AMONG EMPLOYED', subgroup: true });
    expect(sub?.options[0]?.percent).toEqual({
      text: '30.5%',
      value: 30.5,
      decimals: 1,
      lowerBound: false,
    });
    expect(survey.questions[2]?.series[1]?.options[0]?.percent).toBeNull();
  });

  it('hands our own distribution format to the distribution reader', () => {
    const r = load('question,option,percent\nHow often?,Daily,36.23\nHow often?,Weekly,63.77\n');
    if (!r.ok || r.value.kind !== 'distribution') throw new Error('expected a distribution');
    expect(r.value.detected.shape).toBe('distribution');
    expect(r.value.survey.questions[0]?.series[0]?.options.map((o) => o.percent?.value)).toEqual([
      36.23, 63.77,
    ]);
  });

  it('reads everything else as one row per respondent', () => {
    const r = loadRespondents('gender;age\nF;18-34\nM;35+\nF;35+\n');
    expect(r.detected).toMatchObject({ shape: 'respondents', delimiter: ';', encoding: 'utf-8' });
    expect(answers(column(r.table, 'gender'), 3)).toEqual(['F', 'M', 'F']);
  });

  it('can be told the shape, the delimiter and the encoding', () => {
    const latin1 = new Uint8Array([
      0x71, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0x74, 0x68, 0xe9, 0x0a,
    ]); // q\ncafé\nthé\n
    const r = loadRespondents(latin1, {
      encoding: 'windows-1252',
      delimiter: ',',
      shape: 'respondents',
    });
    expect(answers(column(r.table, 'q'), 2)).toEqual(['café', 'thé']);
    expect(r.detected.encodingReason).toBe('chosen by you');
  });
});

describe('streaming and memory', () => {
  it('reports progress per chunk and ends with every byte and row', () => {
    const text = `q,n\n${Array.from({ length: 300_000 }, (_, i) => `${i % 3 === 0 ? 'yes' : 'no'},${i}`).join('\n')}\n`;
    const seen: { bytes: number; rows: number }[] = [];
    const r = loadRespondents(text, { onProgress: (p) => seen.push(p) });
    expect(r.table.rowCount).toBe(300_000);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]?.bytes).toBe(new TextEncoder().encode(text).length);
    const q = column(r.table, 'q') as SingleColumn;
    expect(q.codes).toBeInstanceOf(Uint8Array);
    expect(q.labels).toEqual(['yes', 'no']);
    expect(q.codes.length).toBe(300_000);
  }, 30_000);

  it('widens codes to Uint16Array only past 255 labels', () => {
    const text = `q\n${Array.from({ length: 2000 }, (_, i) => `v${i % 300}`).join('\n')}\n`;
    const r = loadRespondents(text, {
      schemaOverrides: [{ type: 'kind', id: 'q', kind: 'single' }],
    });
    const q = column(r.table, 'q') as SingleColumn;
    expect(q.labels.length).toBe(300);
    expect(q.codes).toBeInstanceOf(Uint16Array);
    expect(q.labels[q.codes[1999]! - 1]).toBe('v199');
  });

  it('keeps labels first seen after the sample', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i === 1400 ? 'late' : i % 2 ? 'a' : 'b'));
    const r = loadRespondents(`q\n${rows.join('\n')}\n`);
    const q = column(r.table, 'q') as SingleColumn;
    expect(q.labels).toEqual(['b', 'a', 'late']);
    expect(answers(q, 1500)[1400]).toBe('late');
  });

  it('previews the first 200 rows with the detected settings and the schema', () => {
    const text = `id,q5_1,q5_2\n${Array.from({ length: 500 }, (_, i) => `${i},${i % 2},1`).join('\n')}\n`;
    const r = previewSurveyFile(new TextEncoder().encode(text), { file: 'p.csv' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rows.length).toBe(202);
    expect(r.value.truncated).toBe(true);
    expect(r.value.schema?.questions.map((q) => [q.id, q.kind])).toEqual([
      ['id', 'id'],
      ['q5', 'multi'],
      ['q5_1', 'single'],
      ['q5_2', 'single'],
    ]);
    expect(r.value.detected).toMatchObject({ delimiter: ',', shape: 'respondents' });
  });
});

describe('lossy lines', () => {
  it('are counted with CR-only line ends too (old Mac files), by the decoder the pipeline reads with', () => {
    // Windows-1252 has no character for 0x81: decoding makes U+FFFD on the third line.
    const text = 'q,w\r1,a\r2,b\x81c\r3,d\r';
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const r = load(bytes, { encoding: 'windows-1252' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.detected.lossyLines).toEqual([3]);
  });
});
