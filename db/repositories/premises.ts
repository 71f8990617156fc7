import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { premises } from '../schema';
import type { Premises, PremisesType } from '../../shared/contract/premises';
import type { GridView } from '../../shared/contract/grid';
import { buildGridSql, type GridColumns } from '../grid';
import { EFFECTIVE_PHASE_COLUMNS, effectivePhaseFromRow } from './areas';

export interface PremisesRecord {
  id: string;
  name: string;
  type: PremisesType;
  areaId: string | null;
  address: string;
  latitude: number | null;
  longitude: number | null;
  focalPoint: string;
  safeRoom: boolean;
  safeRoomNotes: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** The premises grid's columns: what a user can filter and sort by, and how it maps to SQL. */
export const PREMISES_GRID_COLUMNS: GridColumns = {
  name: { sql: 'p.name', type: 'text', quick: true },
  type: { sql: 'p.type', type: 'text', quick: true },
  areaPath: { sql: 'ap.path', type: 'text', quick: true },
  address: { sql: 'p.address', type: 'text', quick: true },
  latitude: { sql: 'p.latitude', type: 'number' },
  longitude: { sql: 'p.longitude', type: 'number' },
  focalPoint: { sql: 'p.focal_point', type: 'text', quick: true },
  safeRoom: { sql: "CASE WHEN p.safe_room THEN 'yes' ELSE 'no' END", type: 'text' },
  safeRoomNotes: { sql: 'p.safe_room_notes', type: 'text' },
  phase: { sql: 'ep.level', type: 'number' },
  notes: { sql: 'p.notes', type: 'text', quick: true },
  updatedAt: { sql: 'p.updated_at', type: 'text' },
};

const FROM = `FROM premises p
  LEFT JOIN area_paths ap ON ap.area_id = p.area_id
  LEFT JOIN area_effective_phase ep ON ep.area_id = p.area_id`;

const SELECT = `SELECT p.id, p.name, p.type, p.area_id AS areaId, ap.path AS areaPath, p.address, p.latitude,
  p.longitude, p.focal_point AS focalPoint, p.safe_room AS safeRoom, p.safe_room_notes AS safeRoomNotes, p.notes,
  p.created_at AS createdAt, p.updated_at AS updatedAt, ${EFFECTIVE_PHASE_COLUMNS} ${FROM}`;

function toPremises(row: Record<string, unknown>): Premises {
  return {
    id: row.id as string,
    name: row.name as string,
    type: row.type as PremisesType,
    areaId: (row.areaId as string | null) ?? null,
    areaPath: (row.areaPath as string | null) ?? null,
    address: row.address as string,
    latitude: (row.latitude as number | null) ?? null,
    longitude: (row.longitude as number | null) ?? null,
    focalPoint: row.focalPoint as string,
    safeRoom: Boolean(row.safeRoom),
    safeRoomNotes: row.safeRoomNotes as string,
    notes: row.notes as string,
    phase: effectivePhaseFromRow(row),
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

export function queryPremises(
  sqlite: Database.Database,
  view: GridView,
  page: { offset: number; limit: number } | null,
): { rows: Premises[]; total: number } {
  const q = buildGridSql(PREMISES_GRID_COLUMNS, view, 'p.name COLLATE NOCASE, p.id');
  const total = (sqlite.prepare(`SELECT count(*) AS n ${FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as Record<string, unknown>[];
  return { rows: rows.map(toPremises), total };
}

export function getPremises(sqlite: Database.Database, id: string): Premises | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toPremises(row) : undefined;
}

export function insertPremises(orm: Orm, record: PremisesRecord): void {
  orm.insert(premises).values(record).run();
}

export function updatePremises(orm: Orm, { id, ...changes }: Omit<PremisesRecord, 'createdAt'>): void {
  orm.update(premises).set(changes).where(eq(premises.id, id)).run();
}

export function deletePremises(orm: Orm, id: string): void {
  orm.delete(premises).where(eq(premises.id, id)).run();
}
