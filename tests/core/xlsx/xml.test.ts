// The streaming XML scanner: the same events whether a part arrives whole,
// one character at a time, or cut anywhere (a tag, an attribute value, an
// entity or a CDATA section split between two pieces), and XML's own rules
// for entities, line ends, comments and prefixes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlScanner, attr, prefixedAttr, type XmlHandler } from '../../../src/core/xlsx/xml';
import { fixture, parts } from './helpers';

/** Records every event as a line of text; text is wanted inside <v> and <t>. */
class Recorder implements XmlHandler {
  wantText = false;
  halted = false;
  readonly events: string[] = [];
  open(name: string, tag: string, selfClosing: boolean): void {
    this.events.push(`<${name}${selfClosing ? '/' : ''} ${tag}`);
    if (name === 'v' || name === 't') this.wantText = true;
  }
  close(name: string): void {
    this.events.push(`</${name}`);
    if (name === 'v' || name === 't') this.wantText = false;
  }
  text(text: string): void {
    // Text may come in several pieces (CDATA beside plain text): join neighbours.
    const last = this.events.length - 1;
    if (this.events[last]?.startsWith('#')) this.events[last] += text;
    else this.events.push(`#${text}`);
  }
}

const malformed = (why: string) => new Error(why);

function scan(pieces: string[]): string[] {
  const r = new Recorder();
  const s = new XmlScanner(r, malformed);
  for (const p of pieces) s.push(p);
  s.end();
  return r.events;
}

const SAMPLE =
  '<?xml version="1.0"?>\r\n<!-- a comment with <tags> -->' +
  '<x:sheet xmlns:x="urn:x" a=\'1 > 0\'><x:row r="1"><x:c r="A1" t="inlineStr"><x:is>' +
  '<x:t>caf&#xE9; &amp; &lt;tea&gt;\r\nnext&#13;line</x:t></x:is></x:c>' +
  '<x:c r="B1"><x:v><![CDATA[1<2]]></x:v></x:c><x:c r="C1"/></x:row></x:sheet>';

describe('the XML scanner', () => {
  it('reads names without prefixes, decodes entities and ends lines as XML does', () => {
    expect(scan([SAMPLE])).toEqual([
      `<sheet x:sheet xmlns:x="urn:x" a='1 > 0'`,
      '<row x:row r="1"',
      '<c x:c r="A1" t="inlineStr"',
      '<is x:is',
      '<t x:t',
      // \r\n is a line end (\n); &#13; is a real carriage return.
      '#café & <tea>\nnext\rline',
      '</t',
      '</is',
      '</c',
      '<c x:c r="B1"',
      '<v x:v',
      '#1<2',
      '</v',
      '</c',
      '<c/ x:c r="C1"',
      '</c',
      '</row',
      '</sheet',
    ]);
  });

  it('gives the same events however the text is cut', () => {
    const whole = scan([SAMPLE]);
    expect(scan([...SAMPLE])).toEqual(whole);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: SAMPLE.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const at = [0, ...cuts.sort((a, b) => a - b), SAMPLE.length];
          const pieces = at.slice(1).map((end, i) => SAMPLE.slice(at[i], end));
          expect(scan(pieces)).toEqual(whole);
        },
      ),
      { seed: 1701, numRuns: 300 },
    );
  });

  it("reads features.xlsx's sheet the same whole and in 1 KB pieces", () => {
    const xml = parts(fixture('features.xlsx'))['xl/worksheets/sheet1.xml']!;
    const pieces = Array.from({ length: Math.ceil(xml.length / 1024) }, (_, i) =>
      xml.slice(i * 1024, (i + 1) * 1024),
    );
    expect(scan(pieces)).toEqual(scan([xml]));
  });

  it('reads attributes by name, and a relationship id whatever its prefix', () => {
    const tag = 'sheet name="A &amp; B" sheetId="2"\n  r:id="rId3" state=\'hidden\'';
    expect(attr(tag, 'name', malformed)).toBe('A & B');
    expect(attr(tag, 'id', malformed)).toBeNull();
    expect(attr(tag, 'state', malformed)).toBe('hidden');
    expect(prefixedAttr(tag, 'id', malformed)).toBe('rId3');
  });

  it('refuses what a workbook part never holds', () => {
    const refused = (xml: string) => {
      try {
        scan([xml]);
        return 'read';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(refused('<a><b></a>')).toBe('<b> is closed by </a>');
    expect(refused('<a></a></a>')).toBe('</a> closes no open element');
    expect(refused('<a><b>')).toBe('it ends inside <b>, so it was cut short');
    expect(refused('<!DOCTYPE a [<!ENTITY x "y">]><a/>')).toBe(
      'it declares a DOCTYPE, which workbook parts never do',
    );
    expect(refused('<a><t>&#0;</t></a>')).toBe('"&#0;" is not an XML character or entity');
    expect(refused('<a><t>fish & chips</t></a>')).toBe(
      '"& chips" is not an XML character or entity',
    );
    expect(refused('<a b="1" <c>')).toBe('a tag is not closed');
    expect(refused(`<a>${'<b>'.repeat(300)}`)).toBe('its elements are nested too deeply');
  });
});
