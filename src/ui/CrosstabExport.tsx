// Export the crosstab as people paste it into a report: CSV (with title,
// base, filter, notes and source above the table) and TSV to the clipboard;
// and as the DuckDB query that counts it over the survey's file (Copy as SQL).
import { useState } from 'react';
import { crosstabExport, tableToCsv, tableToTsv } from '../core/export/csv';
import { exportFileName } from '../core/export/fileName';
import { crosstabPageMessages as PM } from '../core/messages';
import type { CrosstabGrid } from '../state/models/crosstabModel';
import type { LibraryEntry } from '../state/models/library';
import { crosstabQuery } from '../state/models/copySql';
import { CopySqlButton } from './CopySqlButton';
import { downloadText } from './download';
import { useHashView } from './useHashView';

interface Props {
  entry: LibraryEntry;
  grid: CrosstabGrid;
  rowsText: string;
  colsText: string | null;
  filterText: string;
  counts: boolean;
}

export function CrosstabExport({ entry, grid, rowsText, colsText, filterText, counts }: Props) {
  const [status, setStatus] = useState('');
  // The view as the address bar holds it (the page shows the same): its filter and nets.
  const [decoded] = useHashView();
  const query = crosstabQuery(entry, decoded.state.crosstab, grid.result);
  const rows = () =>
    crosstabExport({
      crosstab: grid.result,
      surveyTitle: entry.title,
      notice: entry.notice,
      filter: filterText || null,
      percent: grid.percent,
      counts,
      tests: grid.showLetters,
      source: entry.source,
      rowOrder: grid.rows.map((r) => r.index),
    });
  const name = exportFileName(
    [entry.title, rowsText, colsText ? PM.fileBy(colsText) : null],
    'csv',
  );
  return (
    <div className="toolbar">
      <button
        type="button"
        className="btn"
        onClick={() => downloadText(name, tableToCsv(rows(), { bom: true }))}
      >
        {PM.exportCsv}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() =>
          navigator.clipboard.writeText(tableToTsv(rows())).then(
            () => setStatus(PM.copied),
            () => setStatus(PM.clipboardBlocked),
          )
        }
      >
        {PM.copyTsv}
      </button>
      <span role="status" className="muted">
        {status}
      </span>
      <CopySqlButton query={query} />
    </div>
  );
}
