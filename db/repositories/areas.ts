import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { areas, phaseDeclarations } from '../schema';
import type { Area, AreaLevel, EffectivePhase, PhaseDeclaration } from '../../shared/contract/areas';

export interface AreaRecord {
  id: string;
  parentId: string | null;
  level: AreaLevel;
  name: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** Columns of area_effective_phase aliased for premises and areas queries alike. */
export const EFFECTIVE_PHASE_COLUMNS = `ep.id AS phase_id, ep.inherited AS phase_inherited, ep.declared_on AS phase_declared_on,
  ep.declared_on_name AS phase_declared_on_name, ep.scale AS phase_scale, ep.level AS phase_level,
  ep.reason AS phase_reason, ep.declared_at AS phase_declared_at, ep.declared_by AS phase_declared_by`;

export function effectivePhaseFromRow(row: Record<string, unknown>): EffectivePhase | null {
  if (row.phase_id == null) return null;
  return {
    id: row.phase_id as string,
    areaId: row.phase_declared_on as string,
    areaName: row.phase_declared_on_name as string,
    scale: row.phase_scale as 'ifrc' | 'un',
    level: row.phase_level as number,
    reason: row.phase_reason as string,
    declaredAt: row.phase_declared_at as string,
    declaredBy: row.phase_declared_by as string,
    inherited: Boolean(row.phase_inherited),
  };
}

const AREA_SELECT = `SELECT a.id, a.parent_id AS parentId, a.level, a.name, a.notes, a.created_at AS createdAt,
  a.updated_at AS updatedAt, ap.path, ${EFFECTIVE_PHASE_COLUMNS}
  FROM areas a JOIN area_paths ap ON ap.area_id = a.id LEFT JOIN area_effective_phase ep ON ep.area_id = a.id`;

function toArea(row: Record<string, unknown>): Area {
  return {
    id: row.id as string,
    parentId: (row.parentId as string | null) ?? null,
    level: row.level as AreaLevel,
    name: row.name as string,
    notes: row.notes as string,
    path: row.path as string,
    phase: effectivePhaseFromRow(row),
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

export function listAreas(sqlite: Database.Database): Area[] {
  return (sqlite.prepare(`${AREA_SELECT} ORDER BY ap.path COLLATE NOCASE`).all() as Record<string, unknown>[]).map(toArea);
}

export function getArea(sqlite: Database.Database, id: string): Area | undefined {
  const row = sqlite.prepare(`${AREA_SELECT} WHERE a.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toArea(row) : undefined;
}

export function insertArea(orm: Orm, record: AreaRecord): void {
  orm.insert(areas).values(record).run();
}

export function updateArea(orm: Orm, { id, ...changes }: Omit<AreaRecord, 'createdAt'>): void {
  orm.update(areas).set(changes).where(eq(areas.id, id)).run();
}

export function deleteArea(orm: Orm, id: string): void {
  orm.delete(areas).where(eq(areas.id, id)).run();
}

/** What still points at an area, so a delete can be refused with a reason instead of a constraint error. */
export function areaDependents(sqlite: Database.Database, id: string): { children: number; premises: number; declarations: number } {
  const count = (sql: string) => (sqlite.prepare(sql).get(id) as { n: number }).n;
  return {
    children: count('SELECT count(*) AS n FROM areas WHERE parent_id = ?'),
    premises: count('SELECT count(*) AS n FROM premises WHERE area_id = ?'),
    declarations: count('SELECT count(*) AS n FROM phase_declarations WHERE area_id = ?'),
  };
}

/** Ids of an area and all its ancestors: a parent may not be moved under its own descendant. */
export function ancestorIds(sqlite: Database.Database, id: string): string[] {
  const rows = sqlite
    .prepare(
      `WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM areas WHERE id = ?
       UNION ALL SELECT a.id, a.parent_id FROM areas a JOIN up ON a.id = up.parent_id) SELECT id FROM up`,
    )
    .all(id) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

export function insertPhaseDeclaration(orm: Orm, record: Omit<PhaseDeclaration, 'areaName'>): void {
  orm.insert(phaseDeclarations).values(record).run();
}

export function listPhaseDeclarations(sqlite: Database.Database, areaId?: string): PhaseDeclaration[] {
  const rows = sqlite
    .prepare(
      `SELECT pd.id, pd.area_id AS areaId, a.name AS areaName, pd.scale, pd.level, pd.reason,
              pd.declared_at AS declaredAt, pd.declared_by AS declaredBy
       FROM phase_declarations pd JOIN areas a ON a.id = pd.area_id
       ${areaId ? 'WHERE pd.area_id = ?' : ''} ORDER BY pd.id DESC`,
    )
    .all(...(areaId ? [areaId] : [])) as PhaseDeclaration[];
  return rows;
}
