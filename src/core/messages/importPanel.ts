// The import panel (src/ui/ImportPanel.tsx) and the panel that asks for a
// link's file (src/ui/NeedFilePanel.tsx). The preview of a file's questions is
// in schema.ts.
export const importPanelMessages = {
  heading: 'Import a survey file',
  close: 'Close',
  cancelImport: 'Cancel import',
  chooseFile: 'Choose a file…',
  orDrop: 'or drop a file anywhere on the page, or paste a table:',
  pasteLabel: 'Paste a table',
  pastePlaceholder: 'Paste cells copied from a spreadsheet or a report table here',
  usePasted: 'Use the pasted table',
  /** The name a pasted table is imported under. */
  pastedFileName: 'pasted table.csv',
  fileSize: (kilobytes: string) => `${kilobytes} KB`,
  readingFirstRows: 'Reading the first rows…',
  /** Before the file's name, on the import button. */
  importButton: 'Import',
  /** Before the file's name, while it imports: "Importing data.csv: …". */
  importing: 'Importing',
  progress: (megabytes: string, totalMegabytes: string, rows: string) =>
    `${megabytes} of ${totalMegabytes} MB, ${rows} rows`,
  starting: 'starting…',
  progressLabel: 'Import progress',
  // A link's survey whose file is not in this browser.
  needFileHeading: 'This view needs its file',
  needFileBefore: 'The link was made from',
  needFileUnnamed: 'an uploaded file',
  needFileAfter:
    ', which is not in this browser. Choose that file to open the view; it stays on your machine.',
  /** Before the file's name (or "the file") on the button that picks it. */
  choose: 'Choose',
  theFile: 'the file',
  checking: 'Checking and reading the file…',
} as const;
