import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../../src/core/definition/definition';
import { fileStem, sidecarPath, surveyIdFromFile } from '../../src/core/surveys';

describe('naming surveys after their files', () => {
  it.each([
    ['surveys/eguan-2013-07-mobile-im-share.csv', 'eguan-2013-07-mobile-im-share'],
    ['C:\\data\\fruit survey.csv', 'fruit survey'],
    ['plain', 'plain'],
    ['.hidden', '.hidden'],
    ['a.b.csv', 'a.b'],
  ])('%j is named %j', (file, stem) => {
    expect(fileStem(file)).toBe(stem);
    expect(surveyIdFromFile(file)).toBe(stem);
  });

  it.each([
    ['surveys/demo.csv', 'surveys/demo.json'],
    ['./x.y/demo', './x.y/demo.json'],
  ])('the sidecar of %j is %j', (file, sidecar) => {
    expect(sidecarPath(file)).toBe(sidecar);
  });
});

// The <name>.json beside a respondent file is read as its survey definition.
describe('reading the definition beside a survey', () => {
  it("reads the bundled demo's as a definition: title, notice and weight", () => {
    const data = 'surveys/demo-simulated-wechat-respondents.csv';
    const path = sidecarPath(data);
    const text = readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');
    const r = parseDefinition(text, path);
    expect(r.ok && [r.value.title, r.value.notice, r.value.weight]).toEqual([
      'WeChat users (simulated respondents)',
      'Simulated respondents, not real data',
      'weight',
    ]);
  });

  it.each([
    ['not json', 'definition-not-json'],
    ['[1]', 'definition-not-object'],
    ['{"title": "only a title"}', 'definition-invalid'],
  ])('refuses %j, naming the file', (text, code) => {
    const r = parseDefinition(text, 'x.json');
    expect(r.ok ? null : [r.error.code, r.error.file]).toEqual([code, 'x.json']);
  });
});
