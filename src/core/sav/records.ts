// The dictionary, record by record: the header, then variable (2), value label
// (3 + 4), document (6) and extension (7) records, up to the dictionary
// termination record (999), after which the data begins. Records are kept raw;
// dictionary.ts makes variables of them.
import { SavError } from './errors';
import { noExtensions, parseExtension, type Extensions } from './extension';
import { HEADER_BYTES, parseHeader, type SavHeader } from './header';
import { savMessages as M } from '../messages';
import { ByteReader } from './reader';
import { parseValueLabels, skipDocument, type RawValueLabels } from './valueLabels';
import { parseVariable, type RawVariable } from './variable';

export interface RawDictionary {
  /** The whole file. */
  bytes: Uint8Array;
  header: SavHeader;
  variables: RawVariable[];
  valueLabels: RawValueLabels[];
  ext: Extensions;
  /** Offset of the first byte after the termination record. */
  dataStart: number;
}

export function readRecords(bytes: Uint8Array): RawDictionary {
  const header = parseHeader(bytes);
  const r = new ByteReader(bytes, header.little, HEADER_BYTES);
  const variables: RawVariable[] = [];
  const valueLabels: RawValueLabels[] = [];
  const ext = noExtensions();
  for (;;) {
    const at = r.pos;
    const type = r.i32('the next dictionary record');
    switch (type) {
      case 2:
        variables.push(parseVariable(r));
        break;
      case 3:
        valueLabels.push(parseValueLabels(r));
        break;
      case 6:
        skipDocument(r);
        break;
      case 7:
        parseExtension(r, ext);
        break;
      case 999:
        r.i32('the dictionary termination record');
        if (variables.length === 0) throw new SavError(at, M.noVariables);
        return { bytes, header, variables, valueLabels, ext, dataStart: r.pos };
      default:
        throw new SavError(at, M.unknownRecord(type));
    }
  }
}
