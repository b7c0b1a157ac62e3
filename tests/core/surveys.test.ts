import { describe, expect, it } from 'vitest';
import {
  fileStem,
  parseSurveySidecar,
  sidecarPath,
  surveyIdFromFile,
} from '../../src/core/surveys';

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

describe('reading a sidecar', () => {
  it('takes title, notice and source', () => {
    const r = parseSurveySidecar(
      '{"title": "WeChat users (simulated respondents)", "notice": "Simulated respondents, not real data", "other": 1}',
      'demo.json',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        title: 'WeChat users (simulated respondents)',
        notice: 'Simulated respondents, not real data',
      },
    });
  });

  it.each([
    ['not json', 'sidecar-invalid'],
    ['[1]', 'sidecar-invalid'],
    ['{"title": 3}', 'sidecar-invalid'],
  ])('refuses %j', (text, code) => {
    const r = parseSurveySidecar(text, 'x.json');
    expect(r.ok ? null : [r.error.code, r.error.file]).toEqual([code, 'x.json']);
  });
});
