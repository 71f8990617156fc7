import type ExcelJS from 'exceljs';

/**
 * exceljs is large (about half a second to load on a tired laptop): it is loaded on the first
 * spreadsheet read or written, not at every start of the CLI or the app.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
