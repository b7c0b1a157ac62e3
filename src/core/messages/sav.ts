// SPSS system files (src/core/sav). Each malformed-file message is one clause
// that follows "Byte 1,234: " and says what the bytes claim and why that cannot
// be, so that a user can tell a damaged download from an unsupported file.
import { isolate } from '../format/bidi';
import { formatCount } from '../format/number';
import { plural } from './words';

const advice =
  'The file is damaged (cut short or altered) or was not written as an SPSS system file; save it again from SPSS or PSPP.';

/** `detail` is one of savMessages' clauses: what the bytes at `offset` claim, and why that cannot be. */
export const savErrors = {
  'sav-malformed': (offset: number, detail: string) =>
    `${savMessages.at(offset)}: ${detail}. ${advice}`,
  'sav-unsupported': (offset: number, detail: string) => `${savMessages.at(offset)}: ${detail}.`,
  'sav-not-sav': (offset: number, detail: string) =>
    `${savMessages.at(offset)}: ${detail}. Choose an SPSS system file (.sav), or save the data as one from SPSS or PSPP.`,
  'sav-internal': (why: string) => `The SPSS file could not be read: ${why}`,
} as const;

export const savMessages = {
  at: (offset: number) => `Byte ${formatCount(offset)}`,
  // Structure: "<what> says <claim>, but only N bytes remain".
  needBytes: (what: string, need: number, have: number) =>
    `${what} needs ${plural(need, 'byte')}, but only ${plural(have, 'byte')} remain in the file`,
  lengthTooLong: (what: string, length: number, have: number) =>
    `${what} says it is ${plural(length, 'byte')} long, more than the ${plural(have, 'byte')} left in the file`,
  countTooLarge: (what: string, count: number, unit: number, have: number) =>
    `${what} says there are ${formatCount(count)}, which would take ${plural(count * unit, 'byte')}, more than the ${plural(have, 'byte')} left in the file`,
  negativeCount: (what: string, count: number) =>
    `${what} says there are ${formatCount(count)}, which is not a count`,
  notSav: 'the file does not start with "$FL2" or "$FL3", so it is not an SPSS system file',
  ebcdic:
    'this SPSS system file is written in EBCDIC (a mainframe character set), which this app does not read; save it again from SPSS on a PC',
  badLayout: (code: number) =>
    `the header's layout code is ${formatCount(code)}, not 2 or 3, so the byte order of the numbers cannot be told`,
  badCompression: (code: number, magic: string) =>
    `the header says compression ${formatCount(code)}, which a ${magic} file cannot have (0 or 1 for $FL2, 2 for $FL3)`,
  badBias: (bias: number) =>
    `the header's compression bias is ${String(bias)}, not a number the compressed data can be read with`,
  notIeee: (rep: number) =>
    `the file's numbers are stored in floating-point format ${formatCount(rep)} (IBM or VAX), not IEEE 754, which this app does not read`,
  unknownRecord: (type: number) =>
    `a record of type ${formatCount(type)} is not part of the SPSS system file format (the dictionary records are types 2, 3, 4, 6, 7 and 999)`,
  badMissingCount: (n: number) =>
    `a variable record says it has ${formatCount(n)} missing values, but the format allows -3, -2, 0, 1, 2 or 3`,
  badWidth: (width: number) =>
    `a variable record says the variable is ${formatCount(width)} bytes wide; a string variable is 1 to 255 bytes wide`,
  stringRanges:
    'a string variable has a range of missing values, which only numeric variables can have',
  orphanContinuation:
    'a long-string continuation record has no string variable before it that needs more room',
  missingContinuation: (name: string, needed: number, got: number) =>
    `string variable ${name} needs ${plural(needed, 'continuation record')} after it, but ${formatCount(got)} follow`,
  noVariables: 'the file has no variables, so there is nothing to read',
  labelsWithoutVariables:
    'a value label record (type 3) is not followed by the record (type 4) that says which variables the labels belong to',
  labelIndex: (index: number, count: number) =>
    `a value label record applies labels to variable number ${formatCount(index)}, but the file has ${plural(count, 'variable record')}`,
  labelOnContinuation: (index: number) =>
    `a value label record applies labels to variable record ${formatCount(index)}, which continues a long string rather than starting a variable`,
  labelMixedTypes:
    'a value label record applies the same labels to numeric and string variables, or to a string wider than 8 bytes',
  vlsUnknown: (name: string) =>
    `the very long string record names variable ${name}, which the file does not have`,
  vlsSegments: (name: string, width: number) =>
    `the very long string record says ${name} is ${plural(width, 'byte')} wide, but the string variables after it do not hold that many segments`,
  vlsBadWidth: (name: string, text: string) =>
    `the very long string record gives ${name} the width "${isolate(text)}", which is not a width of 256 to 32,767 bytes`,
  zlibHeader: (what: string) => `the compressed data's header ${what}`,
  zlibTrailer: (what: string) => `the compressed data's block list ${what}`,
  zlibBlock: (block: number, why: string) =>
    `compressed block ${formatCount(block + 1)} cannot be decompressed (${why})`,
  zlibBlockSize: (block: number, declared: number, got: number) =>
    `compressed block ${formatCount(block + 1)} should decompress to ${plural(declared, 'byte')} but gives ${got > declared ? 'more' : plural(got, 'byte')}`,
  partialCase: (caseNumber: number, variable: string) =>
    `the data ends in the middle of case ${formatCount(caseNumber)} (at variable ${variable})`,
  endInCase: (caseNumber: number, variable: string) =>
    `the compressed data's end code comes in the middle of case ${formatCount(caseNumber)} (at variable ${variable})`,
  fewerCases: (promised: number, found: number) =>
    `the header promises ${plural(promised, 'case')}, but the data holds ${formatCount(found)}`,
  // Warnings: the file is read, with this said about it.
  unknownEncoding: (name: string) =>
    `The file says its text is in "${isolate(name)}", which this app does not decode; its text was read as Windows-1252, so some letters may be wrong.`,
  lossyText: (names: string[]) =>
    `Some text did not decode cleanly (shown as �) in ${names.length === 1 ? 'variable' : 'variables'} ${names.join(', ')}. The file's character encoding may be wrong: try choosing another encoding.`,
  weightNotNumeric: (index: number) =>
    `The file names variable record ${formatCount(index)} as its weight, but that is not a numeric variable; the figures are unweighted.`,
  mrsetSkipped: (name: string, why: string) =>
    `The multiple-response set ${name} was left out: ${why}.`,
  mrsetUnknownVariable: (name: string) =>
    `it names variable "${isolate(name)}", which the file does not have`,
  mrsetMixed: 'its variables are not all numeric or all string',
  mrsetEmpty: 'it has no variables',
  mrsetSyntax: (offset: number) =>
    `its record cannot be read past byte ${formatCount(offset)} of the record`,
  // Detected settings, in words.
  encodingRecord: (name: string) => `the file's character encoding record says "${isolate(name)}"`,
  encodingCodePage: (code: number) => `the file's header gives code page ${formatCount(code)}`,
  encodingDefault:
    'the file does not say which character encoding it uses; read as Windows-1252, as SPSS wrote older files',
  encodingChosen: 'chosen by you',
  encodingDefinition: 'as the definition says',
  delimiterReason: 'an SPSS system file has no delimiter (not applicable)',
  shapeReason: 'an SPSS system file holds one case (respondent) per row',
  // Reasons shown in the import preview.
  reasonSingle: (labels: number) =>
    `Single-answer: a numeric variable with ${plural(labels, 'value label')}; answers in code order.`,
  reasonNumeric: 'Numeric: a numeric variable without value labels.',
  reasonNumericMissingLabels:
    'Numeric: a numeric variable whose value labels name only its missing values.',
  reasonString: (detected: string) => `A string variable. ${detected}`,
  reasonStringLabels: (labels: number) =>
    `Single-answer: a string variable with ${plural(labels, 'value label')}.`,
  reasonWeight: 'The weight: the file is weighted by this variable (WEIGHT BY).',
  reasonDichotomy: (counted: string, n: number) =>
    `Multi-answer: the file's multiple dichotomy set; ${plural(n, 'variable')}, each counted when it holds ${counted}.`,
  reasonCategory: (n: number) =>
    `Multi-answer: the file's multiple category set; ${plural(n, 'variable')} each holding one of the options' codes.`,
  reasonRanges: (lo: string, hi: string) =>
    ` Values from ${lo} to ${hi} are missing, as the file declares.`,
} as const;
