import type Database from 'better-sqlite3';
import { TESTED_PLAN_KINDS, type Plan, type PlanKind, type PlanVersion } from '../../shared/contract/plans';

export interface PlanRecord {
  id: string;
  kind: PlanKind;
  title: string;
  owner: string;
  approvedBy: string;
  approvedOn: string | null;
  reviewDue: string;
  testedOn: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

interface PlanRow {
  id: string;
  kind: PlanKind;
  title: string;
  owner: string;
  approved_by: string;
  approved_on: string | null;
  review_due: string;
  tested_on: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  id: string;
  plan_id: string;
  version: number;
  file_name: string;
  mime: string;
  size: number;
  uploaded_by: string;
  uploaded_at: string;
  note: string;
}

const VERSION_COLUMNS = 'id, plan_id, version, file_name, mime, size, uploaded_by, uploaded_at, note';

function toVersion(r: VersionRow): PlanVersion {
  return { id: r.id, planId: r.plan_id, version: r.version, fileName: r.file_name, mime: r.mime, size: r.size, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at, note: r.note };
}

/** Every plan with its versions (newest first, without bytes) and MSR links: a register has tens of rows. */
export function listPlans(sqlite: Database.Database, today: string, id?: string): Plan[] {
  const rows = (id
    ? sqlite.prepare('SELECT * FROM plans WHERE id = ?').all(id)
    : sqlite.prepare('SELECT * FROM plans ORDER BY review_due, title').all()) as PlanRow[];
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const marks = ids.map(() => '?').join(',');
  const versions = sqlite.prepare(`SELECT ${VERSION_COLUMNS} FROM plan_versions WHERE plan_id IN (${marks}) ORDER BY version DESC`).all(...ids) as VersionRow[];
  const links = sqlite
    .prepare(`SELECT l.plan_id, i.id, i.code, i.title FROM msr_item_plans l JOIN msr_items i ON i.id = l.item_id WHERE l.plan_id IN (${marks}) ORDER BY i.part, i.code`)
    .all(...ids) as Array<{ plan_id: string; id: string; code: string; title: string }>;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    owner: r.owner,
    approvedBy: r.approved_by,
    approvedOn: r.approved_on,
    reviewDue: r.review_due,
    reviewOverdue: r.review_due < today,
    mustBeTested: TESTED_PLAN_KINDS.includes(r.kind),
    testedOn: r.tested_on,
    notes: r.notes,
    versions: versions.filter((v) => v.plan_id === r.id).map(toVersion),
    msrItems: links.filter((l) => l.plan_id === r.id).map((l) => ({ id: l.id, code: l.code, title: l.title })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function insertPlan(sqlite: Database.Database, p: PlanRecord): void {
  sqlite
    .prepare(
      `INSERT INTO plans (id, kind, title, owner, approved_by, approved_on, review_due, tested_on, notes, created_at, updated_at)
       VALUES (@id, @kind, @title, @owner, @approvedBy, @approvedOn, @reviewDue, @testedOn, @notes, @createdAt, @updatedAt)`,
    )
    .run(p);
}

export function updatePlan(sqlite: Database.Database, p: Omit<PlanRecord, 'createdAt'>): void {
  sqlite
    .prepare(
      `UPDATE plans SET kind = @kind, title = @title, owner = @owner, approved_by = @approvedBy, approved_on = @approvedOn,
         review_due = @reviewDue, tested_on = @testedOn, notes = @notes, updated_at = @updatedAt WHERE id = @id`,
    )
    .run(p);
}

export function deletePlan(sqlite: Database.Database, id: string): void {
  sqlite.prepare('DELETE FROM plans WHERE id = ?').run(id);
}

export function setPlanMsrItems(sqlite: Database.Database, planId: string, itemIds: string[]): void {
  sqlite.prepare('DELETE FROM msr_item_plans WHERE plan_id = ?').run(planId);
  const insert = sqlite.prepare('INSERT INTO msr_item_plans (item_id, plan_id) VALUES (?, ?)');
  for (const itemId of new Set(itemIds)) insert.run(itemId, planId);
}

export function missingMsrItems(sqlite: Database.Database, itemIds: string[]): string[] {
  const check = sqlite.prepare('SELECT 1 FROM msr_items WHERE id = ?');
  return itemIds.filter((id) => !check.get(id));
}

export function insertPlanVersion(sqlite: Database.Database, v: Omit<PlanVersion, 'version'> & { bytes: Buffer }): PlanVersion {
  const next = (sqlite.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS n FROM plan_versions WHERE plan_id = ?').get(v.planId) as { n: number }).n;
  sqlite
    .prepare(
      `INSERT INTO plan_versions (id, plan_id, version, file_name, mime, size, bytes, uploaded_by, uploaded_at, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.id, v.planId, next, v.fileName, v.mime, v.size, v.bytes, v.uploadedBy, v.uploadedAt, v.note);
  return { ...v, version: next };
}

export function getPlanVersionFile(sqlite: Database.Database, versionId: string): (PlanVersion & { bytes: Buffer }) | undefined {
  const row = sqlite.prepare(`SELECT ${VERSION_COLUMNS}, bytes FROM plan_versions WHERE id = ?`).get(versionId) as (VersionRow & { bytes: Buffer }) | undefined;
  return row ? { ...toVersion(row), bytes: row.bytes } : undefined;
}
