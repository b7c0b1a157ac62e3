// Links (src/state/url): a view read from the address, and a survey or a file
// fingerprint carried in a share link.
import { capEcho, isolate } from '../format/bidi';

/** A share link's survey data or file fingerprint that cannot be used. */
export const shareErrors = {
  'share-payload-empty':
    "This link's survey data is missing (the link ends where the data should be). Ask the sender for the link again, copied in full.",
  'share-payload-not-base64':
    "This link's survey data is damaged: it holds characters a share link never has, so part of it was probably changed or cut while copying. Ask the sender for the link again, copied in full.",
  'share-payload-too-long': (chars: number, limit: number) =>
    `This link's survey data is ${chars.toLocaleString('en-US')} characters long, more than the ${limit.toLocaleString('en-US')} a share link carries. Ask the sender for the survey file instead.`,
  'share-payload-not-deflate':
    "This link's survey data is damaged: it cannot be decompressed, so it was probably cut short or changed while copying. Ask the sender for the link again, copied in full.",
  'share-payload-checksum':
    "This link's survey data is damaged: its checksum does not match, so some characters were changed while copying. Ask the sender for the link again, copied in full.",
  'share-payload-too-large': (limitBytes: number) =>
    `This link's survey data would unpack to more than ${Math.round(limitBytes / (1024 * 1024))} MB, far more than any shared survey, so it was not opened. Ask the sender for the survey file instead.`,
  'share-payload-not-json':
    "This link's survey data is damaged: it unpacks, but not to survey data. Ask the sender for the link again, copied in full.",
  'share-payload-version': (version: string) =>
    `This link's survey data is in format version ${version}, which this version of the app cannot read. Reload the page to get the newest version of the app, or ask the sender for the survey file.`,
  'share-payload-shape': (path: string, problem: string) =>
    `This link's survey data is damaged: ${path === '' ? 'the survey' : `"${capEcho(path)}"`} ${problem}. Ask the sender for the link again, or for the survey file.`,
  'share-fingerprint-invalid':
    "This link's file fingerprint is damaged (it should be 64 hexadecimal characters). Ask the sender for the link again, copied in full.",
  'share-fingerprint-mismatch':
    'This is not the file the link was made from (its fingerprint differs). Ask the sender for the original file.',
} as const;

export const linkMessages = {
  unreadable: 'This link could not be read. Showing the library instead.',
  repeated: (key: string) => `This link repeats "${capEcho(key)}". Showing the library instead.`,
  newer: (version: number) =>
    `This link was made by a newer version of Survey Workbench (format ${version}). Showing the library instead.`,
  malformed: (where: string) =>
    `This link is malformed${where ? ` (at "${capEcho(where)}")` : ''}. Showing the library instead.`,
  // What a link names is repeated capped and isolated (capEcho): anyone can write a link.
  noSurvey: 'This link names no survey. Showing the library instead.',
  surveyMissing: (id: string) =>
    `The survey "${capEcho(id)}" is not in this library. Showing the library instead.`,
  questionMissing: (question: string, title: string) =>
    `The question "${capEcho(question)}" is not in "${isolate(title)}". Showing the survey instead.`,
  netsDropped: 'Some nets in this link name options that do not exist; they were left out.',
  compareDropped:
    'Some compared questions in this link are not in this library; they were left out.',
  notRespondents: (title: string) =>
    `"${isolate(title)}" holds published figures, not respondents: compare its segments on a question page instead.`,
  noRowsQuestion: (id: string) => `There is no question "${capEcho(id)}" for the rows.`,
  noColsQuestion: (id: string) => `There is no question "${capEcho(id)}" for the columns.`,
  noWeightColumn: (id: string) =>
    `There is no numeric column "${capEcho(id)}" to weight by; the survey's own weight is used.`,
  filterDropped: (id: string) =>
    `The filter on "${capEcho(id)}" names no question in this survey and was left out.`,
} as const;
