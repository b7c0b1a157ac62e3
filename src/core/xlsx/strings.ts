// The shared strings table (xl/sharedStrings.xml): most text cells hold an
// index into it. An entry is plain (<si><t>…</t></si>) or rich text, whose
// runs (<r><t>…</t></r>) are joined; phonetic guides (<rPh>, the furigana
// over Japanese text) are not part of the text and are left out.
import { unescapeXstring } from './cells';
import type { XmlHandler } from './xml';

export class SharedStringsReader implements XmlHandler {
  wantText = false;
  halted = false;
  readonly strings: string[] = [];
  private current: string | null = null;
  private phonetic = 0;

  open(name: string): void {
    if (name === 'si') this.current = '';
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.current !== null && this.phonetic === 0) this.wantText = true;
  }

  close(name: string): void {
    if (name === 't') this.wantText = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si' && this.current !== null) {
      this.strings.push(unescapeXstring(this.current));
      this.current = null;
    }
  }

  text(text: string): void {
    this.current += text;
  }
}
