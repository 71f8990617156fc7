import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { msrEvidenceFiles, msrItemMeasures, msrItems, msrMeta, msrSnapshotItems, msrSnapshots } from '../schema';
import type { MsrItem } from '../../shared/contract/msr';
import type { MsrStatus } from '../../shared/domain/msrCompliance';

export type MsrItemRecord = typeof msrItems.$inferInsert;

interface ItemRow {
  id: string;
  code: string;
  part: number;
  title: string;
  description: string;
  origin: 'preset' | 'custom';
  status: MsrStatus;
  evidence_note: string;
  evidence_date: string | null;
  responsible: string;
  due_date: string | null;
  updated_at: string;
  file_name: string | null;
  file_mime: string | null;
  file_size: number | null;
  file_added_at: string | null;
  measures: string | null;
}

// Measures come back as a JSON array of [id, title] pairs so one query fills the whole checklist.
const ITEM_SQL = `
  SELECT i.id, i.code, i.part, i.title, i.description, i.origin, i.status, i.evidence_note, i.evidence_date,
         i.responsible, i.due_date, i.updated_at,
         f.name AS file_name, f.mime AS file_mime, f.size AS file_size, f.added_at AS file_added_at,
         (SELECT json_group_array(json_array(m.id, m.title))
            FROM (SELECT m.id, m.title FROM msr_item_measures im JOIN measures m ON m.id = im.measure_id
                   WHERE im.item_id = i.id ORDER BY m.title) m) AS measures
    FROM msr_items i
    LEFT JOIN msr_evidence_files f ON f.item_id = i.id`;

// Codes sort by part then number: MSR-2.10 after MSR-2.9, preset before custom within a part.
const ORDER = `ORDER BY i.part, i.origin DESC,
  CAST(substr(i.code, instr(i.code, '.') + 1) AS INTEGER), i.code`;

function toItem(r: ItemRow): MsrItem {
  const pairs = JSON.parse(r.measures ?? '[]') as Array<[string, string]>;
  return {
    id: r.id,
    code: r.code,
    part: r.part,
    title: r.title,
    description: r.description,
    origin: r.origin,
    status: r.status,
    evidenceNote: r.evidence_note,
    evidenceDate: r.evidence_date,
    evidenceFile:
      r.file_name === null ? null : { name: r.file_name, mime: r.file_mime ?? '', size: r.file_size ?? 0, addedAt: r.file_added_at ?? '' },
    responsible: r.responsible,
    dueDate: r.due_date,
    measureIds: pairs.map((p) => p[0]),
    measureTitles: pairs.map((p) => p[1]),
    updatedAt: r.updated_at,
  };
}

export function listMsrItems(sqlite: Database.Database): MsrItem[] {
  return (sqlite.prepare(`${ITEM_SQL} ${ORDER}`).all() as ItemRow[]).map(toItem);
}

export function getMsrItem(sqlite: Database.Database, id: string): MsrItem | null {
  const row = sqlite.prepare(`${ITEM_SQL} WHERE i.id = ?`).get(id) as ItemRow | undefined;
  return row ? toItem(row) : null;
}

export function msrCodeTaken(sqlite: Database.Database, code: string): boolean {
  return sqlite.prepare('SELECT 1 FROM msr_items WHERE code = ?').get(code) !== undefined;
}

export function msrItemCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM msr_items').get() as { n: number }).n;
}

export function insertMsrItem(orm: Orm, record: MsrItemRecord): void {
  orm.insert(msrItems).values(record).run();
}

export function updateMsrItem(orm: Orm, id: string, fields: Partial<MsrItemRecord>): void {
  orm.update(msrItems).set(fields).where(eq(msrItems.id, id)).run();
}

export function deleteMsrItem(orm: Orm, id: string): void {
  orm.delete(msrItems).where(eq(msrItems.id, id)).run();
}

export function setItemMeasures(orm: Orm, itemId: string, measureIds: string[]): void {
  orm.delete(msrItemMeasures).where(eq(msrItemMeasures.itemId, itemId)).run();
  if (measureIds.length) orm.insert(msrItemMeasures).values(measureIds.map((measureId) => ({ itemId, measureId }))).run();
}

export function putEvidenceFile(orm: Orm, file: typeof msrEvidenceFiles.$inferInsert): void {
  orm
    .insert(msrEvidenceFiles)
    .values(file)
    .onConflictDoUpdate({ target: msrEvidenceFiles.itemId, set: { name: file.name, mime: file.mime, size: file.size, bytes: file.bytes, addedAt: file.addedAt } })
    .run();
}

export function deleteEvidenceFile(orm: Orm, itemId: string): void {
  orm.delete(msrEvidenceFiles).where(eq(msrEvidenceFiles.itemId, itemId)).run();
}

export function readMsrMeta(sqlite: Database.Database, key: string): unknown {
  const row = sqlite.prepare('SELECT value FROM msr_meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writeMsrMeta(orm: Orm, key: string, value: unknown): void {
  orm.insert(msrMeta).values({ key, value }).onConflictDoUpdate({ target: msrMeta.key, set: { value } }).run();
}

export interface SnapshotRow {
  id: string;
  takenAt: string;
  actor: string;
  note: string;
  items: Array<{ itemId: string; code: string; part: number; title: string; status: MsrStatus }>;
}

export function insertSnapshot(orm: Orm, snapshot: SnapshotRow & { overall: number | null }): void {
  orm.insert(msrSnapshots).values({ id: snapshot.id, takenAt: snapshot.takenAt, actor: snapshot.actor, note: snapshot.note, overall: snapshot.overall }).run();
  if (snapshot.items.length) orm.insert(msrSnapshotItems).values(snapshot.items.map((i) => ({ snapshotId: snapshot.id, ...i }))).run();
}

/** Newest first. */
export function listSnapshots(sqlite: Database.Database): SnapshotRow[] {
  const heads = sqlite.prepare('SELECT id, taken_at AS takenAt, actor, note FROM msr_snapshots ORDER BY taken_at DESC, id DESC').all() as Array<
    Omit<SnapshotRow, 'items'>
  >;
  const items = sqlite.prepare('SELECT item_id AS itemId, code, part, title, status FROM msr_snapshot_items WHERE snapshot_id = ?');
  return heads.map((h) => ({ ...h, items: items.all(h.id) as SnapshotRow['items'] }));
}

/** The latest assessment taken before an instant (exclusive), with its items; null when there is none. */
export function latestSnapshotBefore(sqlite: Database.Database, beforeIso: string): SnapshotRow | null {
  const head = sqlite
    .prepare('SELECT id, taken_at AS takenAt, actor, note FROM msr_snapshots WHERE taken_at < ? ORDER BY taken_at DESC, id DESC LIMIT 1')
    .get(beforeIso) as Omit<SnapshotRow, 'items'> | undefined;
  if (!head) return null;
  const items = sqlite.prepare('SELECT item_id AS itemId, code, part, title, status FROM msr_snapshot_items WHERE snapshot_id = ?').all(head.id) as SnapshotRow['items'];
  return { ...head, items };
}
