// A tab book as an .xlsx workbook, rendered from the grids of sheet.ts with
// ExcelJS. ExcelJS runs in Node and in browsers, so this module serves the CLI
// and the app alike; it is loaded with a dynamic import() only when a workbook
// is written (about 256 kB gzipped), so it never weighs on the app's first load.
import type { Cell, CellFormat, Grid, SheetLayout } from './sheet';
import { tabBookGrids } from './sheet';
import type { TabBook } from './types';

export type { SheetLayout };

/** Excel number formats: counts whole, weighted bases to a decimal, means to two, percents whole. */
const FORMATS: Record<Exclude<CellFormat, 'text'>, string> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  mean: '0.00',
  percent: '0%',
};

export interface XlsxOptions {
  /** 'sheets' (default): a contents sheet and one sheet per table; 'one-sheet': every table on one sheet. */
  layout?: SheetLayout;
}

/** The workbook's bytes. */
export async function tabBookXlsx(book: TabBook, opts: XlsxOptions = {}): Promise<Uint8Array> {
  const grids = tabBookGrids(book, opts.layout ?? 'sheets');
  const mod = await import('exceljs');
  // ExcelJS is CommonJS: its exports arrive as the default export (Node, and Vite's interop).
  const ExcelJS = (mod.default as typeof mod | undefined) ?? mod;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Survey Workbench';
  workbook.title = book.title;
  for (const grid of grids) render(workbook.addWorksheet(grid.name, views(grid)), grid);
  const bytes = await workbook.xlsx.writeBuffer();
  return new Uint8Array(bytes as ArrayBuffer);
}

type Worksheet = ReturnType<InstanceType<typeof import('exceljs').Workbook>['addWorksheet']>;

function views(grid: Grid) {
  return grid.freeze === null
    ? {}
    : {
        views: [
          {
            state: 'frozen' as const,
            xSplit: grid.freeze.cols,
            ySplit: grid.freeze.rows,
          },
        ],
      };
}

function render(sheet: Worksheet, grid: Grid): void {
  grid.widths.forEach((w, c) => (sheet.getColumn(c + 1).width = w));
  grid.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === null || cell === undefined) return;
      write(sheet.getCell(r + 1, c + 1), cell);
    });
  });
  for (const m of grid.merges) sheet.mergeCells(m.row + 1, m.from + 1, m.row + 1, m.to + 1);
}

function write(target: ReturnType<Worksheet['getCell']>, cell: Cell): void {
  if (cell.link !== undefined) {
    target.value = { text: String(cell.value), hyperlink: `#'${cell.link}'!A1` };
  } else {
    target.value = cell.value;
  }
  if (cell.format !== 'text') target.numFmt = FORMATS[cell.format];
  if (cell.bold === true || cell.italic === true)
    target.font = { bold: cell.bold === true, italic: cell.italic === true };
  if (typeof cell.value === 'number') target.alignment = { horizontal: 'right' };
}
