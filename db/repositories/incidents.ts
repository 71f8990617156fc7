import type Database from 'better-sqlite3';
import type { Incident, IncidentFields, IncidentView } from '../../shared/contract/incidents';
import type { ImportPreset } from '../../shared/contract/incidents';
import { buildGridSql, type GridColumns } from '../grid';
import { readTaxonomy, taxonomyAlsoMatches } from './incidentTaxonomy';
import { datePrecisionOf, dateSpan } from '../../shared/domain/partialDate';

/** Stored field -> SQL column; the one place both names meet. */
const FIELD_COLUMNS = {
  date: 'date',
  country: 'country',
  adminArea: 'admin_area',
  areaId: 'area_id',
  placeName: 'place_name',
  latitude: 'latitude',
  longitude: 'longitude',
  locationPrecision: 'location_precision',
  category: 'category',
  subCategory: 'sub_category',
  organisationAffected: 'organisation_affected',
  perpetratorType: 'perpetrator_type',
  perpetratorName: 'perpetrator_name',
  weapon: 'weapon',
  killed: 'killed',
  killedNational: 'killed_national',
  killedInternational: 'killed_international',
  injured: 'injured',
  injuredNational: 'injured_national',
  injuredInternational: 'injured_international',
  kidnapped: 'kidnapped',
  kidnappedNational: 'kidnapped_national',
  kidnappedInternational: 'kidnapped_international',
  arrested: 'arrested',
  arrestedNational: 'arrested_national',
  arrestedInternational: 'arrested_international',
  nearMiss: 'near_miss',
  severity: 'severity',
  narrative: 'narrative',
  actionsTaken: 'actions_taken',
  followUp: 'follow_up',
  confidentiality: 'confidentiality',
  needsReview: 'needs_review',
} as const satisfies Record<keyof IncidentFields, string>;

const FIELDS = Object.keys(FIELD_COLUMNS) as (keyof IncidentFields)[];

export interface IncidentRecord extends IncidentFields {
  id: string;
  externalId: string | null;
  source: string | null;
  createdAt: string;
  updatedAt: string;
}

const text = (sql: string, quick = false) => ({ sql, type: 'text' as const, quick });
const num = (sql: string) => ({ sql, type: 'number' as const });

/** What the incidents grid filters and sorts by. */
export const INCIDENT_GRID_COLUMNS: GridColumns = {
  date: text('i.date'),
  country: text('i.country', true),
  adminArea: text('i.admin_area', true),
  areaPath: text('ap.path', true),
  placeName: text('i.place_name', true),
  latitude: num('i.latitude'),
  longitude: num('i.longitude'),
  locationPrecision: text('i.location_precision'),
  category: text('i.category', true),
  subCategory: text('i.sub_category', true),
  organisationAffected: text('i.organisation_affected', true),
  perpetratorType: text('i.perpetrator_type', true),
  perpetratorName: text('i.perpetrator_name', true),
  weapon: text('i.weapon', true),
  killed: num('i.killed'),
  killedNational: num('i.killed_national'),
  killedInternational: num('i.killed_international'),
  injured: num('i.injured'),
  injuredNational: num('i.injured_national'),
  injuredInternational: num('i.injured_international'),
  kidnapped: num('i.kidnapped'),
  kidnappedNational: num('i.kidnapped_national'),
  kidnappedInternational: num('i.kidnapped_international'),
  arrested: num('i.arrested'),
  arrestedNational: num('i.arrested_national'),
  arrestedInternational: num('i.arrested_international'),
  nearMiss: text("CASE WHEN i.near_miss THEN 'yes' ELSE 'no' END"),
  severity: text('i.severity'),
  narrative: text('i.narrative'),
  actionsTaken: text('i.actions_taken'),
  followUp: text('i.follow_up'),
  confidentiality: text('i.confidentiality'),
  needsReview: text("CASE WHEN i.needs_review THEN 'yes' ELSE 'no' END"),
  externalId: text('i.external_id', true),
  source: text('i.source'),
  updatedAt: text('i.updated_at'),
};

const FROM = `FROM incidents i LEFT JOIN area_paths ap ON ap.area_id = i.area_id`;
const SELECT = `SELECT i.*, ap.path AS area_path ${FROM}`;
// The area join is only needed when a filter or sort names the area path; counting without it is cheaper.
const FROM_BARE = `FROM incidents i`;

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function toIncident(row: Record<string, unknown>): Incident {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[camel(key)] = value;
  out.nearMiss = Boolean(row.near_miss);
  out.needsReview = Boolean(row.needs_review);
  out.areaPath = row.area_path ?? null;
  delete out.dateStart;
  delete out.dateEnd;
  return out as unknown as Incident;
}

/** Turns an FTS query typed by a person into a safe FTS5 expression: every word, prefix-matched. */
export function ftsQuery(search: string): string | null {
  const words = search
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/**
 * The WHERE and ORDER BY of a view. With the vault at hand (`sqlite`), a filter or quick-filter word that
 * matches a taxonomy label in any language also finds the stored value it stands for.
 */
export function incidentWhere(view: IncidentView, sqlite?: Database.Database): { where: string; params: unknown[]; orderBy: string; needsAreas: boolean } {
  const q = buildGridSql(INCIDENT_GRID_COLUMNS, view, 'i.date DESC, i.id DESC', sqlite ? taxonomyAlsoMatches(readTaxonomy(sqlite)) : {});
  const conditions = [q.where];
  const params = [...q.params];
  if (view.from) {
    conditions.push('i.date_end >= ?');
    params.push(view.from);
  }
  if (view.to) {
    conditions.push('i.date_start <= ?');
    params.push(view.to);
  }
  if (!view.includeRestricted) conditions.push("i.confidentiality <> 'restricted'");
  const match = ftsQuery(view.search);
  if (match) {
    conditions.push('i.rowid IN (SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?)');
    params.push(match);
  }
  const needsAreas =
    Boolean(view.quickFilter.trim()) || 'areaPath' in view.filterModel || view.sortModel.some((s) => s.colId === 'areaPath');
  return { where: conditions.join(' AND '), params, orderBy: q.orderBy, needsAreas };
}

export function queryIncidents(
  sqlite: Database.Database,
  view: IncidentView,
  page: { offset: number; limit: number } | null,
): { rows: Incident[]; total: number } {
  const q = incidentWhere(view, sqlite);
  const total = (
    sqlite.prepare(`SELECT count(*) AS n ${q.needsAreas ? FROM : FROM_BARE} WHERE ${q.where}`).get(...q.params) as { n: number }
  ).n;
  const rows = iterateIncidents(sqlite, view, page);
  return { rows: [...rows], total };
}

/** Each grouping's grid column (the same SQL as that column's filter). */
const GROUP_SQL = {
  category: 'i.category',
  adminArea: 'i.admin_area',
  organisationAffected: 'i.organisation_affected',
  severity: 'i.severity',
  perpetratorType: 'i.perpetrator_type',
} as const satisfies Partial<Record<keyof typeof INCIDENT_GRID_COLUMNS, string>>;

/**
 * Counts per value of one grid column over the same WHERE as the list (filters, period, full text,
 * restricted). Values equal but for case form one group, as the grid's "equals" filter treats them.
 */
export function groupIncidents(
  sqlite: Database.Database,
  by: keyof typeof GROUP_SQL,
  view: IncidentView,
): Array<{ key: string; count: number }> {
  const q = incidentWhere(view, sqlite);
  const value = `coalesce(${GROUP_SQL[by]}, '')`;
  return sqlite
    .prepare(
      `SELECT min(${value}) AS key, count(*) AS count ${q.needsAreas ? FROM : FROM_BARE} WHERE ${q.where}
       GROUP BY lower(${value}) ORDER BY 2 DESC, 1`,
    )
    .all(...q.params) as Array<{ key: string; count: number }>;
}

/** Rows of a view one at a time: an export of 100,000 incidents never holds them all as objects. */
export function* iterateIncidents(
  sqlite: Database.Database,
  view: IncidentView,
  page: { offset: number; limit: number } | null,
): Generator<Incident> {
  const q = incidentWhere(view, sqlite);
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const statement = sqlite.prepare(`${SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`);
  for (const row of statement.iterate(...q.params, ...(page ? [page.limit, page.offset] : []))) {
    yield toIncident(row as Record<string, unknown>);
  }
}

export function getIncident(sqlite: Database.Database, id: string): Incident | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toIncident(row) : undefined;
}

function values(record: IncidentFields): unknown[] {
  const span = dateSpan(record.date);
  return [
    ...FIELDS.map((f) => {
      const v = record[f];
      return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
    }),
    datePrecisionOf(record.date),
    span.start,
    span.end,
  ];
}

const COLUMN_LIST = [...FIELDS.map((f) => FIELD_COLUMNS[f]), 'date_precision', 'date_start', 'date_end'];

/** Prepared writers, made once per import so 100,000 rows do not re-prepare 100,000 statements. */
export function incidentWriter(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO incidents (id, external_id, source, created_at, updated_at, ${COLUMN_LIST.join(', ')})
     VALUES (${Array(COLUMN_LIST.length + 5).fill('?').join(', ')})`,
  );
  const update = sqlite.prepare(
    `UPDATE incidents SET updated_at = ?, ${COLUMN_LIST.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  );
  const byExternal = sqlite.prepare('SELECT id FROM incidents WHERE source = ? AND external_id = ?').pluck();
  return {
    insert(record: IncidentRecord): void {
      insert.run(record.id, record.externalId, record.source, record.createdAt, record.updatedAt, ...values(record));
    },
    update(id: string, fields: IncidentFields, updatedAt: string): void {
      update.run(updatedAt, ...values(fields), id);
    },
    idForExternal(source: string, externalId: string): string | undefined {
      return byExternal.get(source, externalId) as string | undefined;
    },
  };
}

export function deleteIncident(sqlite: Database.Database, id: string): void {
  sqlite.prepare('DELETE FROM incidents WHERE id = ?').run(id);
}

export function incidentSummary(sqlite: Database.Database, from: string) {
  return sqlite
    .prepare(
      `SELECT count(*) AS count, coalesce(sum(near_miss), 0) AS nearMisses, coalesce(sum(killed), 0) AS killed,
       coalesce(sum(needs_review), 0) AS needsReview FROM incidents WHERE date_end >= ?`,
    )
    .get(from) as { count: number; nearMisses: number; killed: number; needsReview: number };
}

/** Area names (lower-cased) -> id, so an imported admin-area name lands on the matching area. */
export function areaIdsByName(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite.prepare('SELECT id, name FROM areas ORDER BY id').all() as { id: string; name: string }[];
  const map = new Map<string, string>();
  for (const r of rows) if (!map.has(r.name.toLowerCase())) map.set(r.name.toLowerCase(), r.id);
  return map;
}

/** Aggregates for the statistics page, all computed in SQL over the indexed period columns. */
export function incidentStats(sqlite: Database.Database, filter: { from?: string; to?: string; includeRestricted: boolean }) {
  const conditions = ['1 = 1'];
  const params: unknown[] = [];
  if (filter.from) {
    conditions.push('date_end >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    conditions.push('date_start <= ?');
    params.push(filter.to);
  }
  if (!filter.includeRestricted) conditions.push("confidentiality <> 'restricted'");
  const where = conditions.join(' AND ');
  const all = <T>(sql: string) => sqlite.prepare(sql).all(...params) as T[];
  const top = (column: string) =>
    all<{ key: string; count: number }>(
      `SELECT coalesce(nullif(${column}, ''), '') AS key, count(*) AS count FROM incidents WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`,
    );
  return {
    total: (sqlite.prepare(`SELECT count(*) AS n FROM incidents WHERE ${where}`).get(...params) as { n: number }).n,
    byMonth: all<{ month: string; category: string; count: number }>(
      `SELECT substr(date, 1, 7) AS month, category, count(*) AS count FROM incidents
       WHERE ${where} AND date_precision <> 'year' GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    yearOnly: all<{ year: string; count: number }>(
      `SELECT date AS year, count(*) AS count FROM incidents WHERE ${where} AND date_precision = 'year' GROUP BY 1 ORDER BY 1`,
    ),
    byArea: top("coalesce((SELECT path FROM area_paths WHERE area_id = incidents.area_id), nullif(admin_area, ''), country)"),
    byPerpetratorType: top('perpetrator_type'),
    byOrganisation: top('organisation_affected'),
    casualtiesByMonth: all<{ month: string; killed: number; injured: number; kidnapped: number; arrested: number }>(
      `SELECT substr(date, 1, 7) AS month, coalesce(sum(killed), 0) AS killed, coalesce(sum(injured), 0) AS injured,
       coalesce(sum(kidnapped), 0) AS kidnapped, coalesce(sum(arrested), 0) AS arrested FROM incidents
       WHERE ${where} AND date_precision <> 'year' GROUP BY 1 ORDER BY 1`,
    ),
  };
}

// ---- Import presets -------------------------------------------------------------------------------

export function listImportPresets(sqlite: Database.Database, module: string): ImportPreset[] {
  const rows = sqlite
    .prepare('SELECT id, name, mapping, date_order, sheet, updated_at FROM import_presets WHERE module = ? ORDER BY name')
    .all(module) as { id: string; name: string; mapping: string; date_order: string | null; sheet: string | null; updated_at: string }[];
  return rows.map((r) => {
    const stored = readPresetMapping(r.mapping);
    return {
      id: r.id,
      name: r.name,
      mapping: stored.mapping,
      dateOrder: r.date_order as ImportPreset['dateOrder'],
      sheet: r.sheet,
      values: stored.values,
      strictTaxonomy: stored.strictTaxonomy,
      updatedAt: r.updated_at,
    };
  });
}

/**
 * The `mapping` column holds the column mapping as a plain object (presets saved before value mapping), or
 * `{ "$preset": 2, mapping, values, strictTaxonomy }`. A plain mapping's values are field names or null, never
 * objects, so the two shapes cannot be mistaken for each other.
 */
function readPresetMapping(json: string): Pick<ImportPreset, 'mapping' | 'values' | 'strictTaxonomy'> {
  const parsed = JSON.parse(json) as Record<string, unknown>;
  if (parsed['$preset'] === 2 && typeof parsed['mapping'] === 'object') {
    return {
      mapping: parsed['mapping'] as ImportPreset['mapping'],
      values: (parsed['values'] ?? {}) as ImportPreset['values'],
      strictTaxonomy: parsed['strictTaxonomy'] === true,
    };
  }
  return { mapping: parsed as ImportPreset['mapping'], values: {}, strictTaxonomy: false };
}

export function upsertImportPreset(sqlite: Database.Database, module: string, preset: ImportPreset): void {
  sqlite
    .prepare(
      `INSERT INTO import_presets (id, module, name, mapping, date_order, sheet, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (module, name) DO UPDATE SET mapping = excluded.mapping, date_order = excluded.date_order,
         sheet = excluded.sheet, updated_at = excluded.updated_at`,
    )
    .run(preset.id, module, preset.name, JSON.stringify({ $preset: 2, mapping: preset.mapping, values: preset.values, strictTaxonomy: preset.strictTaxonomy }), preset.dateOrder, preset.sheet, preset.updatedAt, preset.updatedAt);
}

export function deleteImportPreset(sqlite: Database.Database, id: string): void {
  sqlite.prepare('DELETE FROM import_presets WHERE id = ?').run(id);
}
