import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { measures, riskAreas, riskConfig, riskMeasureLinks, riskPremises, riskReviews, risks } from '../schema';
import type { GridView } from '../../shared/contract/grid';
import type { Measure, Risk, RiskReview } from '../../shared/contract/risks';
import { buildGridSql, type GridColumns } from '../grid';
import { levelKey } from '../../shared/domain/riskScoring';

export type RiskRecord = typeof risks.$inferInsert;
export type MeasureRecord = typeof measures.$inferInsert;
export type RiskReviewRecord = typeof riskReviews.$inferInsert;

const LEVEL_SQL = (col: string) =>
  `CASE ${col} WHEN 1 THEN 'low' WHEN 2 THEN 'medium' WHEN 3 THEN 'high' WHEN 4 THEN 'veryHigh' ELSE 'unacceptable' END`;

/** A risk's locations as one text: its areas (full path) then its premises, in the order chosen, "; " between. */
const LOCATIONS_SQL = `(SELECT group_concat(name, '; ') FROM (
  SELECT lap.path AS name, 0 AS k, ra.position AS pos FROM risk_areas ra JOIN area_paths lap ON lap.area_id = ra.area_id WHERE ra.risk_id = r.id
  UNION ALL
  SELECT lp.name, 1, rp.position FROM risk_premises rp JOIN premises lp ON lp.id = rp.premises_id WHERE rp.risk_id = r.id
  ORDER BY 2, 3))`;
const AREA_IDS_SQL = `(SELECT json_group_array(area_id) FROM (SELECT area_id FROM risk_areas WHERE risk_id = r.id ORDER BY position))`;
const PREMISES_IDS_SQL = `(SELECT json_group_array(premises_id) FROM (SELECT premises_id FROM risk_premises WHERE risk_id = r.id ORDER BY position))`;

/** What a user can filter and sort the register by. Levels sort by rank, not by name. */
export const RISK_GRID_COLUMNS: GridColumns = {
  reference: { sql: 'r.reference', type: 'text', quick: true },
  title: { sql: 'r.title', type: 'text', quick: true },
  category: { sql: 'r.category', type: 'text', quick: true },
  threat: { sql: 'r.threat', type: 'text', quick: true },
  cause: { sql: 'r.cause', type: 'text', quick: true },
  consequence: { sql: 'r.consequence', type: 'text', quick: true },
  areaPath: { sql: 'ap.path', type: 'text', quick: true },
  premisesName: { sql: 'p.name', type: 'text', quick: true },
  locations: { sql: LOCATIONS_SQL, type: 'text', quick: true },
  programme: { sql: 'r.programme', type: 'text', quick: true },
  exposed: { sql: 'r.exposed', type: 'text' },
  inherentLikelihood: { sql: 'r.inherent_likelihood', type: 'number' },
  inherentImpact: { sql: 'r.inherent_impact', type: 'number' },
  inherentLevel: { sql: 'r.inherent_level', type: 'number' },
  residualLikelihood: { sql: 'r.residual_likelihood', type: 'number' },
  residualImpact: { sql: 'r.residual_impact', type: 'number' },
  residualLevel: { sql: 'r.residual_level', type: 'number' },
  measureTitles: { sql: 'mt.titles', type: 'text', quick: true },
  owner: { sql: 'r.owner', type: 'text', quick: true },
  status: { sql: 'r.status', type: 'text' },
  acceptedBy: { sql: 'r.accepted_by', type: 'text' },
  acceptedOn: { sql: 'r.accepted_on', type: 'text' },
  acceptanceValidUntil: { sql: 'r.acceptance_valid_until', type: 'text' },
  nextReview: { sql: 'r.next_review', type: 'text' },
  notes: { sql: 'r.notes', type: 'text', quick: true },
  updatedAt: { sql: 'r.updated_at', type: 'text' },
};

// Measure titles per risk, one per line: what the register's "measures" cell shows and the quick filter searches.
const FROM = `FROM risks r
  LEFT JOIN area_paths ap ON ap.area_id = r.area_id
  LEFT JOIN premises p ON p.id = r.premises_id
  LEFT JOIN (SELECT l.risk_id, count(*) AS n, group_concat(m.title, char(10)) AS titles
             FROM risk_measure_links l JOIN measures m ON m.id = l.measure_id GROUP BY l.risk_id) mt ON mt.risk_id = r.id`;

const SELECT = `SELECT r.id, r.reference, r.title, r.threat, r.cause, r.consequence, r.category, r.area_id AS areaId,
  ap.path AS areaPath, r.premises_id AS premisesId, p.name AS premisesName, r.programme, r.exposed,
  r.inherent_likelihood AS inherentLikelihood, r.inherent_impact AS inherentImpact, r.inherent_level AS inherentLevel,
  r.residual_likelihood AS residualLikelihood, r.residual_impact AS residualImpact, r.residual_level AS residualLevel,
  r.owner, r.status, r.accepted_by AS acceptedBy, r.accepted_on AS acceptedOn,
  r.acceptance_valid_until AS acceptanceValidUntil, r.next_review AS nextReview, r.notes,
  coalesce(mt.n, 0) AS measureCount, coalesce(mt.titles, '') AS measureTitles,
  ${AREA_IDS_SQL} AS areaIds, ${PREMISES_IDS_SQL} AS premisesIds, coalesce(${LOCATIONS_SQL}, '') AS locations,
  r.created_at AS createdAt, r.updated_at AS updatedAt ${FROM}`;

function toRisk(row: Record<string, unknown>, today: string): Risk {
  const nextReview = row.nextReview as string;
  const status = row.status as Risk['status'];
  return {
    id: row.id as string,
    reference: row.reference as string,
    title: row.title as string,
    threat: row.threat as string,
    cause: row.cause as string,
    consequence: row.consequence as string,
    category: row.category as string,
    areaId: (row.areaId as string | null) ?? null,
    areaPath: (row.areaPath as string | null) ?? null,
    premisesId: (row.premisesId as string | null) ?? null,
    premisesName: (row.premisesName as string | null) ?? null,
    areaIds: JSON.parse((row.areaIds as string | null) ?? '[]') as string[],
    premisesIds: JSON.parse((row.premisesIds as string | null) ?? '[]') as string[],
    locations: (row.locations as string | null) ?? '',
    programme: row.programme as string,
    exposed: JSON.parse(row.exposed as string) as Risk['exposed'],
    inherentLikelihood: row.inherentLikelihood as number,
    inherentImpact: row.inherentImpact as number,
    inherentLevel: levelKey(row.inherentLevel as number),
    residualLikelihood: row.residualLikelihood as number,
    residualImpact: row.residualImpact as number,
    residualLevel: levelKey(row.residualLevel as number),
    owner: row.owner as string,
    status,
    acceptedBy: row.acceptedBy as string,
    acceptedOn: (row.acceptedOn as string | null) ?? null,
    acceptanceValidUntil: (row.acceptanceValidUntil as string | null) ?? null,
    nextReview,
    // A closed risk needs no review.
    reviewOverdue: status !== 'closed' && nextReview < today,
    notes: row.notes as string,
    measureCount: row.measureCount as number,
    measureTitles: row.measureTitles as string,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

const DEFAULT_ORDER = 'r.seq';

export function queryRisks(
  sqlite: Database.Database,
  view: GridView,
  page: { offset: number; limit: number } | null,
  today: string,
): { rows: Risk[]; total: number } {
  const q = buildGridSql(RISK_GRID_COLUMNS, view, DEFAULT_ORDER);
  const total = (sqlite.prepare(`SELECT count(*) AS n ${FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as Record<string, unknown>[];
  return { rows: rows.map((r) => toRisk(r, today)), total };
}

export function getRisk(sqlite: Database.Database, id: string, today: string): Risk | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toRisk(row, today) : undefined;
}

export function risksByIds(sqlite: Database.Database, ids: string[], today: string): Risk[] {
  if (ids.length === 0) return [];
  const rows = sqlite
    .prepare(`${SELECT} WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.seq`)
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  return rows.map((r) => toRisk(r, today));
}

const GROUP_SQL = {
  category: 'r.category',
  status: 'r.status',
  inherentLevel: LEVEL_SQL('r.inherent_level'),
  residualLevel: LEVEL_SQL('r.residual_level'),
  owner: "trim(r.owner)",
} as const;

export function groupRisks(
  sqlite: Database.Database,
  by: keyof typeof GROUP_SQL,
  view: GridView,
): Array<{ key: string; count: number }> {
  const q = buildGridSql(RISK_GRID_COLUMNS, view, DEFAULT_ORDER);
  return sqlite
    .prepare(`SELECT ${GROUP_SQL[by]} AS key, count(*) AS count ${FROM} WHERE ${q.where} GROUP BY 1 ORDER BY 2 DESC, 1`)
    .all(...q.params) as Array<{ key: string; count: number }>;
}

export function countOverdue(sqlite: Database.Database, view: GridView, today: string): number {
  const q = buildGridSql(RISK_GRID_COLUMNS, view, DEFAULT_ORDER);
  return (
    sqlite
      .prepare(`SELECT count(*) AS n ${FROM} WHERE ${q.where} AND r.status <> 'closed' AND r.next_review < ?`)
      .get(...q.params, today) as { n: number }
  ).n;
}

export function heatMapCounts(
  sqlite: Database.Database,
  view: GridView,
): { inherent: Array<{ l: number; i: number; n: number }>; residual: Array<{ l: number; i: number; n: number }> } {
  const q = buildGridSql(RISK_GRID_COLUMNS, view, DEFAULT_ORDER);
  // The measure-title join is only needed when the view filters on it.
  const from = q.where.includes('mt.') ? FROM : FROM.slice(0, FROM.indexOf('  LEFT JOIN (SELECT l.risk_id'));
  const run = (l: string, i: string) =>
    sqlite
      .prepare(`SELECT ${l} AS l, ${i} AS i, count(*) AS n ${from} WHERE ${q.where} GROUP BY 1, 2`)
      .all(...q.params) as Array<{ l: number; i: number; n: number }>;
  return {
    inherent: run('r.inherent_likelihood', 'r.inherent_impact'),
    residual: run('r.residual_likelihood', 'r.residual_impact'),
  };
}

export function referenceTaken(sqlite: Database.Database, reference: string): boolean {
  return sqlite.prepare('SELECT 1 FROM risks WHERE reference = ?').get(reference) !== undefined;
}

export function nextRiskSeq(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM risks').get() as { n: number }).n;
}

export function insertRisk(orm: Orm, record: RiskRecord): void {
  orm.insert(risks).values(record).run();
}

export function updateRisk(orm: Orm, id: string, changes: Partial<RiskRecord>): void {
  orm.update(risks).set(changes).where(eq(risks.id, id)).run();
}

/** Replaces a risk's locations, keeping the order given. */
export function setRiskLocations(orm: Orm, riskId: string, areaIds: readonly string[], premisesIds: readonly string[]): void {
  orm.delete(riskAreas).where(eq(riskAreas.riskId, riskId)).run();
  orm.delete(riskPremises).where(eq(riskPremises.riskId, riskId)).run();
  if (areaIds.length) orm.insert(riskAreas).values(areaIds.map((areaId, position) => ({ riskId, areaId, position }))).run();
  if (premisesIds.length) orm.insert(riskPremises).values(premisesIds.map((premisesId, position) => ({ riskId, premisesId, position }))).run();
}

export function deleteRisk(orm: Orm, id: string): void {
  orm.delete(risks).where(eq(risks.id, id)).run();
}

export function allRiskLevels(
  sqlite: Database.Database,
): Array<{ id: string; il: number; ii: number; iLevel: number; rl: number; ri: number; rLevel: number }> {
  return sqlite
    .prepare(
      `SELECT id, inherent_likelihood AS il, inherent_impact AS ii, inherent_level AS iLevel,
       residual_likelihood AS rl, residual_impact AS ri, residual_level AS rLevel FROM risks`,
    )
    .all() as Array<{ id: string; il: number; ii: number; iLevel: number; rl: number; ri: number; rLevel: number }>;
}

// Measures

const MEASURE_SELECT = `SELECT m.id, m.title, m.description, m.type, m.owner, m.status, m.due_date AS dueDate,
  m.cost_note AS costNote, m.created_at AS createdAt, m.updated_at AS updatedAt,
  (SELECT json_group_array(l.risk_id) FROM risk_measure_links l WHERE l.measure_id = m.id) AS riskIds
  FROM measures m`;

function toMeasure(row: Record<string, unknown>): Measure {
  return {
    id: row.id as string,
    title: row.title as string,
    description: row.description as string,
    type: row.type as Measure['type'],
    owner: row.owner as string,
    status: row.status as Measure['status'],
    dueDate: (row.dueDate as string | null) ?? null,
    costNote: row.costNote as string,
    riskIds: JSON.parse(row.riskIds as string) as string[],
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

export function listMeasures(sqlite: Database.Database): Measure[] {
  return (sqlite.prepare(`${MEASURE_SELECT} ORDER BY m.title COLLATE NOCASE, m.id`).all() as Record<string, unknown>[]).map(
    toMeasure,
  );
}

export function measuresOfRisk(sqlite: Database.Database, riskId: string): Measure[] {
  return (
    sqlite
      .prepare(
        `${MEASURE_SELECT} WHERE m.id IN (SELECT measure_id FROM risk_measure_links WHERE risk_id = ?) ORDER BY m.title COLLATE NOCASE`,
      )
      .all(riskId) as Record<string, unknown>[]
  ).map(toMeasure);
}

export function getMeasure(sqlite: Database.Database, id: string): Measure | undefined {
  const row = sqlite.prepare(`${MEASURE_SELECT} WHERE m.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toMeasure(row) : undefined;
}

export function insertMeasure(orm: Orm, record: MeasureRecord): void {
  orm.insert(measures).values(record).run();
}

export function updateMeasure(orm: Orm, id: string, changes: Partial<MeasureRecord>): void {
  orm.update(measures).set(changes).where(eq(measures.id, id)).run();
}

export function deleteMeasure(orm: Orm, id: string): void {
  orm.delete(measures).where(eq(measures.id, id)).run();
}

export function isLinked(sqlite: Database.Database, riskId: string, measureId: string): boolean {
  return (
    sqlite.prepare('SELECT 1 FROM risk_measure_links WHERE risk_id = ? AND measure_id = ?').get(riskId, measureId) !==
    undefined
  );
}

export function linkMeasure(orm: Orm, riskId: string, measureId: string): void {
  orm.insert(riskMeasureLinks).values({ riskId, measureId }).onConflictDoNothing().run();
}

export function unlinkMeasure(orm: Orm, riskId: string, measureId: string): void {
  orm
    .delete(riskMeasureLinks)
    .where(and(eq(riskMeasureLinks.riskId, riskId), eq(riskMeasureLinks.measureId, measureId)))
    .run();
}

// Review history

function toReview(row: typeof riskReviews.$inferSelect): RiskReview {
  return {
    id: row.id,
    riskId: row.riskId,
    at: row.at,
    actor: row.actor,
    kind: row.kind as RiskReview['kind'],
    changes: row.changes,
    inherentLevelBefore: row.inherentLevelBefore == null ? null : levelKey(row.inherentLevelBefore),
    inherentLevelAfter: levelKey(row.inherentLevelAfter),
    residualLevelBefore: row.residualLevelBefore == null ? null : levelKey(row.residualLevelBefore),
    residualLevelAfter: levelKey(row.residualLevelAfter),
    comment: row.comment,
  };
}

export function insertReview(orm: Orm, record: RiskReviewRecord): void {
  orm.insert(riskReviews).values(record).run();
}

export function reviewsOfRisk(orm: Orm, riskId: string): RiskReview[] {
  return orm
    .select()
    .from(riskReviews)
    .where(eq(riskReviews.riskId, riskId))
    .all()
    .sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)))
    .map(toReview);
}

/** Review entries since an instant in which a level changed or a measure was linked or unlinked. */
export function significantReviewsSince(sqlite: Database.Database, sinceIso: string): RiskReview[] {
  const rows = sqlite
    .prepare(
      `SELECT id, risk_id AS riskId, at, actor, kind, changes, inherent_level_before AS inherentLevelBefore,
        inherent_level_after AS inherentLevelAfter, residual_level_before AS residualLevelBefore,
        residual_level_after AS residualLevelAfter, comment
       FROM risk_reviews
       WHERE at >= ? AND (kind IN ('created', 'measureLinked', 'measureUnlinked')
         OR inherent_level_before IS NOT inherent_level_after OR residual_level_before IS NOT residual_level_after)
       ORDER BY at DESC, id DESC`,
    )
    .all(sinceIso) as Array<Record<string, unknown>>;
  return rows.map((r) => toReview({ ...(r as typeof riskReviews.$inferSelect), changes: JSON.parse(r.changes as string) }));
}

// Config

export function readRiskConfig(sqlite: Database.Database): Record<string, unknown> {
  const rows = sqlite.prepare('SELECT key, value FROM risk_config').all() as Array<{ key: string; value: string }>;
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export function writeRiskConfig(orm: Orm, key: string, value: unknown): void {
  orm
    .insert(riskConfig)
    .values({ key, value })
    .onConflictDoUpdate({ target: riskConfig.key, set: { value } })
    .run();
}

// The register as it stood at an earlier instant (periodic reports)

/** Field changes recorded at or after an instant, newest first: undone in that order, they give the fields as they were. */
export function fieldChangesSince(
  sqlite: Database.Database,
  sinceIso: string,
): Array<{ riskId: string; at: string; changes: Array<{ field: string; before: unknown; after: unknown }> }> {
  const rows = sqlite
    .prepare(`SELECT risk_id AS riskId, at, changes FROM risk_reviews WHERE at >= ? AND changes <> '[]' ORDER BY at DESC, id DESC`)
    .all(sinceIso) as Array<{ riskId: string; at: string; changes: string }>;
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Array<{ field: string; before: unknown; after: unknown }> }));
}

/**
 * Risks deleted at or after an instant that existed before it. Deletion is final (the reviews go with the
 * risk), so only the audit trail still knows them; a deletion whose payload is gone counts as one.
 */
export function countRisksDeletedSince(sqlite: Database.Database, sinceIso: string): number {
  return (
    sqlite
      .prepare(
        `SELECT count(*) AS n FROM audit_log WHERE entity = 'risk' AND action = 'delete' AND at >= ?
         AND coalesce(json_extract(before, '$.createdAt'), '') < ?`,
      )
      .get(sinceIso, sinceIso) as { n: number }
  ).n;
}
