// The import preview's sheet picker for an Excel workbook with more than one
// worksheet: choosing a sheet previews it again. The questions, weight and id
// chosen for one sheet name its columns, so they are cleared with the sheet.
import type { Preview } from '../core/pipeline';
import type { ImportOptions } from '../app/importProtocol';
import { xlsxMessages as M } from '../core/messages';

interface Props {
  preview: Preview;
  options: ImportOptions;
  setOptions: (update: (o: ImportOptions) => ImportOptions) => void;
}

export function SheetPicker({ preview, options, setOptions }: Props) {
  const book = preview.workbook;
  if (book === undefined || book.sheets.length < 2) return null;
  const reason =
    options.sheet !== undefined
      ? M.sheetChosen
      : options.definition?.sheet !== undefined
        ? M.sheetFromDefinition
        : M.sheetReason(book.sheets.length);
  const choose = (sheet: string) =>
    setOptions((o) => {
      const { schemaOverrides: _o, weightId: _w, idColumnId: _i, shape: _s, ...rest } = o;
      void [_o, _w, _i, _s];
      return { ...rest, sheet };
    });
  return (
    <label>
      {M.sheetLabel}
      <select
        value={book.sheet}
        data-testid="sheet-select"
        onChange={(e) => choose(e.target.value)}
      >
        {book.sheets.map((s) => (
          <option key={s.name} value={s.name}>
            {s.hidden ? M.sheetHidden(s.name) : s.name}
          </option>
        ))}
      </select>
      <span data-testid="sheet-reason">{reason}</span>
    </label>
  );
}
