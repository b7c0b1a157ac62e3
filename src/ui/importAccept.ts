// What every file picker offers: each format the import reads. Files are
// recognised by their content, whatever the name; this list only shapes the
// picker's filter, so it lives in one place for all of them.
export const IMPORT_ACCEPT =
  '.csv,.tsv,.txt,.sav,.zsav,.parquet,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
