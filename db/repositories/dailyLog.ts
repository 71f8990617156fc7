import type Database from 'better-sqlite3';
import type { DailyLogEntry } from '../../shared/contract/dailyLog';

export type DailyLogRecord = Omit<DailyLogEntry, 'day' | 'areaPath'>;

const SELECT = `SELECT e.id, e.occurred_at AS occurredAt, e.source, e.source_type AS sourceType, e.reliability,
  e.credibility, e.area_id AS areaId, ap.path AS areaPath, e.place_name AS placeName, e.latitude, e.longitude,
  e.summary, e.tags, e.follow_up AS followUp, e.promoted_incident_id AS promotedIncidentId,
  e.created_at AS createdAt, e.updated_at AS updatedAt
  FROM daily_log_entries e LEFT JOIN area_paths ap ON ap.area_id = e.area_id`;

/** A stored row; `day` is filled in by the caller, who knows the delegation time zone. */
export type DailyLogRow = Omit<DailyLogEntry, 'day'>;

function toRow(r: Record<string, unknown>): DailyLogRow {
  return { ...(r as unknown as DailyLogRow), areaPath: (r.areaPath as string | null) ?? null, tags: JSON.parse(r.tags as string) as string[] };
}

/** Entries with `from <= occurred_at < to` (UTC instants), oldest first, as a log reads. */
export function listDailyLog(sqlite: Database.Database, from: string, to: string): DailyLogRow[] {
  const rows = sqlite.prepare(`${SELECT} WHERE e.occurred_at >= ? AND e.occurred_at < ? ORDER BY e.occurred_at, e.id`).all(from, to);
  return (rows as Record<string, unknown>[]).map(toRow);
}

export function countDailyLog(sqlite: Database.Database, from: string, to: string): number {
  return sqlite.prepare('SELECT count(*) FROM daily_log_entries WHERE occurred_at >= ? AND occurred_at < ?').pluck().get(from, to) as number;
}

export function getDailyLogEntry(sqlite: Database.Database, id: string): DailyLogRow | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toRow(row) : undefined;
}

export function dailyLogEntryForIncident(sqlite: Database.Database, incidentId: string): DailyLogRow | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE e.promoted_incident_id = ?`).get(incidentId) as Record<string, unknown> | undefined;
  return row ? toRow(row) : undefined;
}

const COLUMNS = [
  ['occurredAt', 'occurred_at'],
  ['source', 'source'],
  ['sourceType', 'source_type'],
  ['reliability', 'reliability'],
  ['credibility', 'credibility'],
  ['areaId', 'area_id'],
  ['placeName', 'place_name'],
  ['latitude', 'latitude'],
  ['longitude', 'longitude'],
  ['summary', 'summary'],
  ['tags', 'tags'],
  ['followUp', 'follow_up'],
  ['promotedIncidentId', 'promoted_incident_id'],
  ['updatedAt', 'updated_at'],
] as const satisfies readonly (readonly [keyof DailyLogRecord, string])[];

function values(r: DailyLogRecord): unknown[] {
  return COLUMNS.map(([field]) => (field === 'tags' ? JSON.stringify(r.tags) : r[field]));
}

/** Prepared writers, so a demo seed or a batch does not re-prepare a statement per row. */
export function dailyLogWriter(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    `INSERT INTO daily_log_entries (id, created_at, ${COLUMNS.map(([, c]) => c).join(', ')}) VALUES (${Array(COLUMNS.length + 2).fill('?').join(', ')})`,
  );
  const update = sqlite.prepare(`UPDATE daily_log_entries SET ${COLUMNS.map(([, c]) => `${c} = ?`).join(', ')} WHERE id = ?`);
  return {
    insert(r: DailyLogRecord): void {
      insert.run(r.id, r.createdAt, ...values(r));
    },
    update(r: DailyLogRecord): void {
      update.run(...values(r), r.id);
    },
  };
}

export function deleteDailyLogEntry(sqlite: Database.Database, id: string): void {
  sqlite.prepare('DELETE FROM daily_log_entries WHERE id = ?').run(id);
}
