// The tab book's export bar: .xlsx (one sheet per table with contents, or every
// table on one sheet; ExcelJS loads only when asked), printing, and the DuckDB
// query that counts the book over the survey's file (Copy as SQL).
import { useCallback, useMemo, useState } from 'react';
import { exportFileName } from '../core/export/fileName';
import { tabBookMessages as M } from '../core/messages';
import type { TabTable } from '../core/tabs/types';
import { tabBookXlsx, type SheetLayout } from '../core/tabs/xlsx';
import type { RespondentTable } from '../core/table/types';
import { tabBookRequestQuery } from '../state/models/copySql';
import type { LibraryEntry } from '../state/models/library';
import type { BookHead, TabBookRequest } from '../state/models/tabBookBuild';
import { CopySqlButton } from './CopySqlButton';
import { downloadBlob } from './download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Export .xlsx: one sheet per table (with contents) or every table on one sheet. ExcelJS loads only now. */
export function TabBookExport({
  entry,
  table,
  request,
  head,
  tables,
}: {
  entry: LibraryEntry;
  table: RespondentTable;
  /** The request the book was built from. */
  request: TabBookRequest;
  head: BookHead;
  tables: readonly TabTable[];
}) {
  // Made once per book: planning it resolves the banner's bands (a pass over their columns).
  const query = useMemo(() => tabBookRequestQuery(entry, table, request), [entry, table, request]);
  const [layout, setLayout] = useState<SheetLayout>('sheets');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exportXlsx = useCallback(() => {
    setBusy(true);
    setStatus(M.exporting);
    const name = exportFileName([entry.title, M.fileWord], 'xlsx');
    tabBookXlsx({ ...head, tables: [...tables] }, { layout }).then(
      (bytes) => {
        downloadBlob(name, new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
        setStatus(M.exported(name));
        setBusy(false);
      },
      (err: unknown) => {
        setStatus(M.exportFailed(err instanceof Error ? err.message : String(err)));
        setBusy(false);
      },
    );
  }, [entry.title, head, tables, layout]);
  return (
    <div className="toolbar tabbook-export" role="group" aria-label={M.exportHeading}>
      <label>
        {M.exportLayout}{' '}
        <select value={layout} onChange={(e) => setLayout(e.target.value as SheetLayout)}>
          <option value="sheets">{M.layoutSheets}</option>
          <option value="one-sheet">{M.layoutOneSheet}</option>
        </select>
      </label>
      <button type="button" className="btn" onClick={exportXlsx} disabled={busy}>
        {M.exportXlsx}
      </button>
      <button type="button" className="btn" onClick={() => window.print()}>
        {M.print}
      </button>
      <CopySqlButton query={query} />
      <span role="status" className="muted" data-testid="export-status">
        {status ?? ''}
      </span>
    </div>
  );
}
