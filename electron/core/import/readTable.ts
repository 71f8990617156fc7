import type ExcelJS from 'exceljs';
import { loadExcel } from '../export/loadExcel';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../../shared/envelope';
import { sayEnglish, type Say } from './values';

/**
 * Reads a CSV, XLSX or JSON file into one table: unique column names, the HXL hashtag row when there is
 * one, and data rows numbered as the user sees them in a spreadsheet (header = row 1). Everything here is
 * untrusted input: a bad file is an IO error with a plain message, never a crash or a partial table.
 */
export interface TableRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: unknown[];
}

export interface Table {
  format: 'csv' | 'xlsx' | 'json';
  encoding: string | null;
  delimiter: string | null;
  sheets: { name: string; rows: number }[];
  sheet: string | null;
  columns: string[];
  hxl: (string | null)[] | null;
  rows: TableRow[];
}

export const MAX_CELL_CHARS = 100_000;

const unreadable = (message: string) => new AppError('IO', message, { reason: 'UNREADABLE' });
/** Errors are worded by the caller's `say` (the user's language), English by default. */
export interface ReadTableOptions {
  sheet?: string | number;
  say?: Say;
}
export const emptyFile = (message: string) => new AppError('IO', message, { reason: 'EMPTY' });

/** Repeated header names kept apart: "Killed", "Killed (2)", ...; a blank header becomes "Column N". */
export function uniqueHeaders(raw: unknown[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = (value == null ? '' : String(value)).replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function isHxlRow(cells: unknown[]): boolean {
  const filled = cells.filter((c) => c != null && String(c).trim() !== '');
  return filled.length > 0 && filled.every((c) => String(c).trim().startsWith('#'));
}

export interface DecodedText {
  text: string;
  encoding: string;
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252: what spreadsheets save CSVs as. */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && controls / sample.length > 0.02;
}

/** The delimiter that splits the first lines into the most consistent number of columns. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim()).slice(0, 20);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => splitOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function splitOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function fromGrid(format: Table['format'], grid: unknown[][], base: Omit<Table, 'columns' | 'hxl' | 'rows' | 'format'>, say: Say): Table {
  const headerIndex = grid.findIndex((r) => r.some((c) => c != null && String(c).trim() !== ''));
  if (headerIndex < 0) throw emptyFile(say('noHeader', {}, 'The file has no header row and no data rows: nothing to import.'));
  const columns = uniqueHeaders(grid[headerIndex]!);
  let start = headerIndex + 1;
  let hxl: (string | null)[] | null = null;
  if (grid[start] && isHxlRow(grid[start]!)) {
    hxl = columns.map((_c, i) => {
      const v = grid[start]![i];
      return v == null || String(v).trim() === '' ? null : String(v).trim();
    });
    start++;
  }
  const rows: TableRow[] = [];
  for (let i = start; i < grid.length; i++) {
    const cells = grid[i]!;
    if (!cells.some((c) => c != null && !(typeof c === 'string' && c.trim() === ''))) continue;
    rows.push({ row: i + 1, cells });
  }
  return { format, ...base, columns, hxl, rows };
}

function readCsv(bytes: Buffer, say: Say): Table {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) throw unreadable(say('notText', {}, 'The file is not text: it is neither a CSV, an XLSX workbook nor JSON.'));
  const delimiter = detectDelimiter(text);
  let grid: string[][];
  try {
    grid = parseCsv(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true, max_record_size: 10_000_000 });
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0] ?? '';
    throw unreadable(say('csvUnreadable', { detail }, `The CSV file could not be read: ${detail}`));
  }
  return fromGrid('csv', grid, { encoding, delimiter, sheets: [], sheet: null }, say);
}

function readJson(bytes: Buffer, say: Say): Table {
  const { text, encoding } = decodeText(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw unreadable(say('jsonInvalid', {}, 'The JSON file is not valid JSON.'));
  }
  const records = Array.isArray(data) ? data : (data as { data?: unknown })?.data;
  if (!Array.isArray(records)) throw unreadable(say('jsonShape', {}, 'The JSON file holds neither an array of records nor { "data": [...] }.'));
  if (records.length === 0) throw emptyFile(say('jsonEmpty', {}, 'The JSON file holds no records: nothing to import.'));
  const keys: string[] = [];
  const known = new Set<string>();
  for (const r of records) {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw unreadable(say('jsonNotObjects', {}, 'The JSON records must be objects.'));
    for (const k of Object.keys(r)) {
      if (known.has(k)) continue;
      known.add(k);
      keys.push(k);
    }
  }
  const grid: unknown[][] = [keys, ...records.map((r) => keys.map((k) => (r as Record<string, unknown>)[k] ?? null))];
  // Records are numbered as if the array were a sheet with the keys as its header (row 1).
  return fromGrid('json', grid, { encoding, delimiter: null, sheets: [], sheet: null }, say);
}

function cellValue(cell: ExcelJS.CellValue): unknown {
  if (cell == null) return null;
  if (cell instanceof Date) return cell;
  if (typeof cell !== 'object') return cell;
  if ('richText' in cell) return cell.richText.map((t) => t.text).join('');
  if ('formula' in cell || 'sharedFormula' in cell) return (cell as { result?: unknown }).result ?? null;
  if ('text' in cell) return (cell as { text: unknown }).text;
  if ('error' in cell) return null;
  return String(cell);
}

async function readXlsx(bytes: Buffer, wanted: string | number | undefined, say: Say): Promise<Table> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable(say('workbookUnreadable', {}, 'The workbook could not be read (damaged, password-protected or not an XLSX file).'));
  }
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, rows: ws.actualRowCount }));
  if (sheets.length === 0) throw emptyFile(say('workbookNoSheets', {}, 'The workbook has no sheets: nothing to import.'));
  let sheet: ExcelJS.Worksheet | undefined;
  if (wanted !== undefined) {
    sheet =
      typeof wanted === 'number' || /^\d+$/.test(wanted)
        ? workbook.worksheets[Number(wanted) - 1]
        : workbook.worksheets.find((ws) => ws.name.toLowerCase() === wanted.toLowerCase());
    if (!sheet) {
      const message = say('noSuchSheet', { sheet: String(wanted), sheets: sheets.map((s) => s.name) }, `The workbook has no sheet "${wanted}"; it has ${sheets.map((s) => `"${s.name}"`).join(', ')}.`);
      throw new AppError('VALIDATION', message, { reason: 'NO_SUCH_SHEET' });
    }
  } else {
    // The data sheet: the first one with a header and at least one row under it. Notes and codebooks
    // are usually later and shorter; the user (or --sheet) can choose another.
    sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 1) ?? workbook.worksheets[0];
  }
  const grid: unknown[][] = [];
  const width = sheet!.columnCount;
  sheet!.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    grid[n - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  if (sheet!.actualRowCount === 0) {
    throw emptyFile(say('sheetEmpty', { sheet: sheet!.name }, `The sheet "${sheet!.name}" is empty: no header and no data rows, nothing to import.`));
  }
  return fromGrid('xlsx', grid, { encoding: null, delimiter: null, sheets, sheet: sheet!.name }, say);
}

export function detectFormat(bytes: Buffer, name: string, say: Say = sayEnglish): Table['format'] {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'json') return 'json';
  const head = decodeText(bytes.subarray(0, 64)).text.trimStart();
  if (head.startsWith('[') || head.startsWith('{')) return 'json';
  if (ext === 'xlsx' || ext === 'xls') throw unreadable(say('notXlsx', {}, 'The file is named like a workbook but is not an XLSX file.'));
  return 'csv';
}

export async function readTable(bytes: Buffer, name: string, options: ReadTableOptions = {}): Promise<Table> {
  const say = options.say ?? sayEnglish;
  if (bytes.length === 0) throw emptyFile(say('fileEmpty', {}, 'The file is empty: nothing to import.'));
  const format = detectFormat(bytes, name, say);
  const table = format === 'xlsx' ? await readXlsx(bytes, options.sheet, say) : format === 'json' ? readJson(bytes, say) : readCsv(bytes, say);
  if (table.rows.length === 0) {
    throw emptyFile(
      table.sheet
        ? say('sheetNoDataRows', { sheet: table.sheet }, `The sheet "${table.sheet}" has a header but no data rows: nothing to import.`)
        : say('noDataRows', {}, 'The file has a header but no data rows: nothing to import.'),
    );
  }
  return table;
}
