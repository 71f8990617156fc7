import { loadExcel } from './loadExcel';
import { stringify } from 'csv-stringify/sync';

export type CellValue = string | number | boolean | null;

export interface TabularColumn<Row> {
  id: string;
  header: string;
  value: (row: Row) => CellValue;
}

export interface TabularOptions {
  sheetName: string;
  /** Printed above the table of a demo vault's export: invented data must never pass for real. */
  demoMarker: string | null;
}

/**
 * A cell starting with = + - @ (or a tab / carriage return) is run as a formula by Excel and LibreOffice:
 * prefix it with an apostrophe so a hostile value imported from elsewhere stays text.
 */
export function neutraliseFormula(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv<Row>(columns: TabularColumn<Row>[], rows: Iterable<Row>, options: TabularOptions): Buffer {
  const records: CellValue[][] = [];
  if (options.demoMarker) records.push([options.demoMarker]);
  records.push(columns.map((c) => c.header));
  for (const row of rows) records.push(columns.map((c) => neutraliseFormula(c.value(row))));
  // BOM: Excel on Windows otherwise reads UTF-8 (Arabic, accents) as ANSI.
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify(records, { cast: { boolean: (b) => (b ? 'true' : 'false') } }))]);
}

export async function toXlsx<Row>(columns: TabularColumn<Row>[], rows: Iterable<Row>, options: TabularOptions): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Vigil';
  const sheet = workbook.addWorksheet(options.sheetName.slice(0, 31));
  if (options.demoMarker) {
    const marker = sheet.addRow([options.demoMarker]);
    marker.font = { bold: true, color: { argb: 'FFC8102E' } };
  }
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => neutraliseFormula(c.value(row))));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, c.header.length + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
