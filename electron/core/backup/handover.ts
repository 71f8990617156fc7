import type Database from 'better-sqlite3';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { configure, TextReader, TextWriter, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import * as schema from '../../../db/schema';
import { AppError } from '../../../shared/envelope';
import type { HandoverIndex } from '../../../shared/contract/backup';

// Node has no Web Workers: compress and encrypt in this process (the pack is small next to a backup).
configure({ useWebWorkers: false });

/**
 * The handover pack: one AES-256 ZIP (WinZip AE-2, opens in 7-Zip) holding `index.json`, `index.pdf` and
 * `tables/<table>.json` for every table of the drizzle schema except the ones below. Tables are found by
 * walking the schema's exports, so a module's new tables travel without a change here.
 */
const LEFT_OUT_TABLES: Record<string, string> = {
  settings: "settings: the successor's vault keeps its own (officer name, language, time zone)",
  audit_log: 'audit trail: it stays with the vault whose changes it records',
  map_basemaps: 'added map basemaps: the files are not in the pack; add them again from the original files',
};

/** Rows that are restricted at their root; rows of other tables that point at them are left out too. */
const RESTRICTED_ROOTS: Record<string, { where: string; label: (n: number) => string }> = {
  contacts: { where: 'sensitive = 1', label: (n) => `${n} sensitive contacts left out` },
  incidents: { where: "confidentiality = 'restricted'", label: (n) => `${n} restricted incidents left out` },
};

/** Restricted personal fields (as in the people export): blanked, not dropped, unless included. */
const RESTRICTED_COLUMNS: Record<string, { blank: Record<string, null | string>; label: (n: number) => string }> = {
  people: {
    blank: { passport_expiry: null, blood_group: null, emergency_contact: '' },
    label: (n) => `restricted personal fields (passport expiry, blood group, emergency contact) left out for ${n} people`,
  },
};

type Cell = string | number | null | { $base64: string };
export interface TableDump {
  table: string;
  columns: string[];
  rows: Cell[][];
}

export function schemaTables(): string[] {
  return (Object.values(schema) as unknown[]).filter((v) => is(v, SQLiteTable)).map((t) => getTableConfig(t as SQLiteTable).name);
}

/** Tables a handover pack carries (every schema table but the left-out ones). */
export function handoverTables(): string[] {
  return schemaTables().filter((t) => !(t in LEFT_OUT_TABLES));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function toCell(value: unknown): Cell {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as Cell;
}

function fromCell(cell: Cell): unknown {
  return cell !== null && typeof cell === 'object' ? Buffer.from(cell.$base64, 'base64') : cell;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

function primaryKey(sqlite: Database.Database, table: string): string | null {
  const cols = sqlite.pragma(`table_info(${quote(table)})`) as Array<{ name: string; pk: number }>;
  const pk = cols.filter((c) => c.pk > 0);
  return pk.length === 1 ? pk[0]!.name : null;
}

/**
 * Which rows stay out: the restricted roots, then (to a fixed point) every row of any table whose
 * foreign key points at a row left out — an interaction with a sensitive contact, a log entry promoted
 * to a restricted incident, an attachment of one.
 */
function excludedRows(sqlite: Database.Database, tables: string[], includeRestricted: boolean): Map<string, Set<unknown>> {
  const excluded = new Map<string, Set<unknown>>();
  if (includeRestricted) return excluded;
  for (const [table, rule] of Object.entries(RESTRICTED_ROOTS)) {
    if (!tables.includes(table)) continue;
    const ids = sqlite.prepare(`SELECT rowid AS r FROM ${quote(table)} WHERE ${rule.where}`).pluck().all();
    excluded.set(table, new Set(ids));
  }
  const fks = new Map<string, ForeignKey[]>(tables.map((t) => [t, sqlite.pragma(`foreign_key_list(${quote(t)})`) as ForeignKey[]]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const table of tables) {
      for (const fk of fks.get(table) ?? []) {
        const parentOut = excluded.get(fk.table);
        if (!parentOut?.size) continue;
        const parentKey = fk.to ?? primaryKey(sqlite, fk.table) ?? 'rowid';
        const parentValues = sqlite
          .prepare(`SELECT ${quote(parentKey)} FROM ${quote(fk.table)} WHERE rowid IN (SELECT value FROM json_each(?))`)
          .pluck()
          .all(JSON.stringify([...parentOut]));
        const childRows = sqlite
          .prepare(`SELECT rowid FROM ${quote(table)} WHERE ${quote(fk.from)} IN (SELECT value FROM json_each(?))`)
          .pluck()
          .all(JSON.stringify(parentValues));
        const mine = excluded.get(table) ?? new Set<unknown>();
        for (const r of childRows) {
          if (!mine.has(r)) {
            mine.add(r);
            changed = true;
          }
        }
        excluded.set(table, mine);
      }
    }
  }
  return excluded;
}

/** Reads every handover table (restricted rows and fields applied) and builds the index. */
export function collectHandover(
  sqlite: Database.Database,
  meta: { createdAt: string; delegationName: string; includeRestricted: boolean; isDemo: boolean },
): { dumps: TableDump[]; index: HandoverIndex } {
  const tables = handoverTables().filter((t) => {
    const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t);
    return Boolean(exists);
  });
  const excluded = excludedRows(sqlite, tables, meta.includeRestricted);
  const dumps: TableDump[] = [];
  const counts: HandoverIndex['tables'] = [];
  const leftOut: string[] = [];
  for (const table of tables) {
    const stmt = sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${quote(table)} ORDER BY rowid`);
    const columns = stmt.columns().map((c) => c.name).filter((c) => c !== '__rowid');
    const out = excluded.get(table) ?? new Set<unknown>();
    const blank = meta.includeRestricted ? undefined : RESTRICTED_COLUMNS[table];
    let blanked = 0;
    const rows: Cell[][] = [];
    for (const row of stmt.iterate() as IterableIterator<Record<string, unknown>>) {
      if (out.has(row.__rowid)) continue;
      if (blank) {
        let had = false;
        for (const [col, value] of Object.entries(blank.blank)) {
          if (col in row && row[col] !== null && row[col] !== '') had = true;
          if (col in row) row[col] = value;
        }
        if (had) blanked++;
      }
      rows.push(columns.map((c) => toCell(row[c])));
    }
    dumps.push({ table, columns, rows });
    counts.push({ table, included: rows.length, leftOut: out.size });
    if (blank && blanked) leftOut.push(blank.label(blanked));
  }
  for (const [table, rule] of Object.entries(RESTRICTED_ROOTS)) {
    const n = excluded.get(table)?.size ?? 0;
    if (n) leftOut.unshift(rule.label(n));
  }
  for (const c of counts) {
    if (c.leftOut && !(c.table in RESTRICTED_ROOTS)) leftOut.push(`${c.leftOut} rows of ${c.table} left out (they belong to restricted records)`);
  }
  leftOut.push(...Object.values(LEFT_OUT_TABLES));
  const index: HandoverIndex = {
    format: 'vigil-handover',
    version: 1,
    createdAt: meta.createdAt,
    delegationName: meta.delegationName,
    includeRestricted: meta.includeRestricted,
    isDemo: meta.isDemo,
    tables: counts,
    leftOut,
  };
  return { dumps, index };
}

export async function writeHandoverZip(password: string, dumps: TableDump[], index: HandoverIndex, indexPdf: Buffer | null): Promise<Buffer> {
  const zip = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3, zipCrypto: false });
  await zip.add('index.json', new TextReader(JSON.stringify(index, null, 2)));
  if (indexPdf) await zip.add('index.pdf', new Uint8ArrayReader(new Uint8Array(indexPdf)));
  for (const dump of dumps) await zip.add(`tables/${dump.table}.json`, new TextReader(JSON.stringify(dump)));
  return Buffer.from(await zip.close());
}

/** Reads and decrypts a pack; a wrong password or a file that is not a pack is a clear VALIDATION error. */
export async function readHandoverZip(bytes: Buffer, password: string): Promise<{ index: HandoverIndex; dumps: TableDump[] }> {
  let entries;
  const reader = new ZipReader(new Uint8ArrayReader(new Uint8Array(bytes)), { password });
  try {
    entries = await reader.getEntries();
  } catch {
    throw new AppError('VALIDATION', 'This file is not a Vigil handover pack (not a readable ZIP). Nothing was changed.');
  }
  const text = async (name: string): Promise<string> => {
    const entry = entries.find((e) => e.filename === name);
    if (!entry || entry.directory || !('getData' in entry) || !entry.getData) throw new AppError('VALIDATION', `The handover pack is incomplete (${name} is missing). Nothing was changed.`);
    if (!entry.encrypted) throw new AppError('VALIDATION', 'This handover pack is not encrypted: it was not made by Vigil. Nothing was changed.');
    try {
      return await entry.getData(new TextWriter());
    } catch (error) {
      if (/password/i.test((error as Error).message)) throw new AppError('VALIDATION', 'Wrong handover password. Nothing was changed.', { issues: [{ path: 'password', message: 'Wrong handover password.' }] });
      throw new AppError('VALIDATION', `The handover pack is damaged (${name}). Nothing was changed.`);
    }
  };
  let index: HandoverIndex;
  try {
    index = JSON.parse(await text('index.json')) as HandoverIndex;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('VALIDATION', 'The handover pack is damaged (index.json). Nothing was changed.');
  }
  if (index?.format !== 'vigil-handover' || index.version !== 1) throw new AppError('VALIDATION', 'This handover pack is from an unknown version of Vigil. Nothing was changed.');
  const dumps: TableDump[] = [];
  for (const entry of entries) {
    if (!entry.filename.startsWith('tables/') || !entry.filename.endsWith('.json')) continue;
    let dump: TableDump;
    try {
      dump = JSON.parse(await text(entry.filename)) as TableDump;
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('VALIDATION', `The handover pack is damaged (${entry.filename}). Nothing was changed.`);
    }
    dumps.push(dump);
  }
  await reader.close();
  return { index, dumps };
}

/**
 * Puts every row of the pack into this vault with the same ids, in one transaction (foreign keys checked
 * at commit, so table order does not matter). Only into a fresh vault: a table that already holds rows
 * makes the import refuse with their names, since merging two delegations' records is not a safe guess.
 */
export function importHandover(sqlite: Database.Database, dumps: TableDump[]): Array<{ table: string; rows: number }> {
  const known = new Set(handoverTables());
  const existing = (t: string) => Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
  for (const dump of dumps) {
    if (!known.has(dump.table) || !existing(dump.table)) {
      throw new AppError('VALIDATION', `The handover pack holds a table this version of Vigil does not know (${dump.table}): update Vigil first. Nothing was changed.`);
    }
    const cols = new Set((sqlite.pragma(`table_info(${quote(dump.table)})`) as Array<{ name: string }>).map((c) => c.name));
    const unknown = dump.columns.filter((c) => !cols.has(c));
    if (unknown.length) {
      throw new AppError('VALIDATION', `The handover pack was made by a newer version of Vigil (${dump.table}.${unknown[0]}): update Vigil first. Nothing was changed.`);
    }
  }
  const notEmpty = dumps
    .filter((d) => d.rows.length > 0)
    .map((d) => d.table)
    .filter((t) => (sqlite.prepare(`SELECT count(*) FROM ${quote(t)}`).pluck().get() as number) > 0);
  if (notEmpty.length) {
    throw new AppError(
      'CONFLICT',
      `A handover pack can only be imported into a new, empty vault; this one already holds records (${notEmpty.slice(0, 5).join(', ')}${notEmpty.length > 5 ? ', …' : ''}). Create a new vault for the handover. Nothing was changed.`,
    );
  }
  const counts: Array<{ table: string; rows: number }> = [];
  sqlite.pragma('defer_foreign_keys = ON');
  for (const dump of dumps) {
    if (!dump.rows.length) {
      counts.push({ table: dump.table, rows: 0 });
      continue;
    }
    const insert = sqlite.prepare(`INSERT INTO ${quote(dump.table)} (${dump.columns.map(quote).join(', ')}) VALUES (${dump.columns.map(() => '?').join(', ')})`);
    for (const row of dump.rows) insert.run(...row.map(fromCell));
    counts.push({ table: dump.table, rows: dump.rows.length });
  }
  return counts;
}
