import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import {
  correctiveActions,
  equipment,
  inspectionItems,
  inspectionPhotos,
  inspections,
  inspectionTemplateItems,
  inspectionTemplates,
} from '../schema';
import type { GridView } from '../../shared/contract/grid';
import { buildGridSql, type GridColumns } from '../grid';
import { addDays, DUE_WINDOW_DAYS, isCalendarDate } from '../../shared/domain/equipmentExpiry';

export type TemplateRow = typeof inspectionTemplates.$inferSelect;
export type TemplateItemRow = typeof inspectionTemplateItems.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
export type InspectionItemRow = typeof inspectionItems.$inferSelect;
export type ActionRecord = typeof correctiveActions.$inferSelect;
export type EquipmentRecord = typeof equipment.$inferSelect;

// ---- templates ----
export function countTemplates(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM inspection_templates').get() as { n: number }).n;
}

/** The newest version of every template family. */
export function listCurrentTemplates(sqlite: Database.Database): Array<TemplateRow & { itemCount: number }> {
  return sqlite
    .prepare(
      `SELECT t.id, t.family_id AS familyId, t.version, t.name, t.preset_key AS presetKey, t.premises_type AS premisesType,
         t.pass_threshold AS passThreshold, t.created_at AS createdAt,
         (SELECT count(*) FROM inspection_template_items i WHERE i.template_id = t.id) AS itemCount
       FROM inspection_templates t
       WHERE t.version = (SELECT max(v.version) FROM inspection_templates v WHERE v.family_id = t.family_id)
       ORDER BY t.name COLLATE NOCASE, t.id`,
    )
    .all() as Array<TemplateRow & { itemCount: number }>;
}

export function getTemplate(orm: Orm, id: string): TemplateRow | undefined {
  return orm.select().from(inspectionTemplates).where(eq(inspectionTemplates.id, id)).get();
}

export function latestVersion(sqlite: Database.Database, familyId: string): number {
  return (sqlite.prepare('SELECT coalesce(max(version), 0) AS v FROM inspection_templates WHERE family_id = ?').get(familyId) as { v: number }).v;
}

/** Every version of one template family, newest first, with its item and inspection counts. */
export function templateVersions(sqlite: Database.Database, familyId: string): Array<TemplateRow & { itemCount: number; inspectionCount: number }> {
  return sqlite
    .prepare(
      `SELECT t.id, t.family_id AS familyId, t.version, t.name, t.preset_key AS presetKey, t.premises_type AS premisesType,
         t.pass_threshold AS passThreshold, t.created_at AS createdAt,
         (SELECT count(*) FROM inspection_template_items i WHERE i.template_id = t.id) AS itemCount,
         (SELECT count(*) FROM inspections x WHERE x.template_id = t.id) AS inspectionCount
       FROM inspection_templates t WHERE t.family_id = ? ORDER BY t.version DESC`,
    )
    .all(familyId) as Array<TemplateRow & { itemCount: number; inspectionCount: number }>;
}

/** The most recent inspections run with one template version. */
export function inspectionsOfTemplate(
  sqlite: Database.Database,
  templateId: string,
  limit: number,
): Array<{ id: string; premisesName: string; inspectedOn: string; status: 'draft' | 'finished' }> {
  return sqlite
    .prepare(
      `SELECT x.id, p.name AS premisesName, x.inspected_on AS inspectedOn, x.status
       FROM inspections x JOIN premises p ON p.id = x.premises_id
       WHERE x.template_id = ? ORDER BY x.inspected_on DESC, x.created_at DESC LIMIT ?`,
    )
    .all(templateId, limit) as Array<{ id: string; premisesName: string; inspectedOn: string; status: 'draft' | 'finished' }>;
}

export function templateItems(orm: Orm, templateId: string): TemplateItemRow[] {
  return orm.select().from(inspectionTemplateItems).where(eq(inspectionTemplateItems.templateId, templateId)).orderBy(inspectionTemplateItems.position).all();
}

export function insertTemplate(orm: Orm, template: TemplateRow, items: TemplateItemRow[]): void {
  orm.insert(inspectionTemplates).values(template).run();
  for (const item of items) orm.insert(inspectionTemplateItems).values(item).run();
}

// ---- inspections ----
export function insertInspection(orm: Orm, row: InspectionRow, items: InspectionItemRow[]): void {
  orm.insert(inspections).values(row).run();
  for (const item of items) orm.insert(inspectionItems).values(item).run();
}

export function getInspectionRow(orm: Orm, id: string): InspectionRow | undefined {
  return orm.select().from(inspections).where(eq(inspections.id, id)).get();
}

export function inspectionItemRows(orm: Orm, inspectionId: string): InspectionItemRow[] {
  return orm.select().from(inspectionItems).where(eq(inspectionItems.inspectionId, inspectionId)).orderBy(inspectionItems.position).all();
}

export function updateInspectionItem(orm: Orm, id: string, changes: Partial<InspectionItemRow>): void {
  orm.update(inspectionItems).set(changes).where(eq(inspectionItems.id, id)).run();
}

export function updateInspection(orm: Orm, id: string, changes: Partial<InspectionRow>): void {
  orm.update(inspections).set(changes).where(eq(inspections.id, id)).run();
}

export function deleteInspection(orm: Orm, id: string): void {
  orm.delete(inspections).where(eq(inspections.id, id)).run();
}

export function photoIdsByItem(sqlite: Database.Database, inspectionId: string): Map<string, string[]> {
  const rows = sqlite
    .prepare(
      `SELECT p.id, p.item_id AS itemId FROM inspection_photos p JOIN inspection_items i ON i.id = p.item_id
       WHERE i.inspection_id = ? ORDER BY p.created_at, p.id`,
    )
    .all(inspectionId) as Array<{ id: string; itemId: string }>;
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.id]);
  return out;
}

export function insertPhoto(orm: Orm, row: typeof inspectionPhotos.$inferInsert): void {
  orm.insert(inspectionPhotos).values(row).run();
}

export function getPhoto(sqlite: Database.Database, id: string): { id: string; itemId: string; inspectionId: string; mime: string; bytes: Buffer; name: string; size: number } | undefined {
  return sqlite
    .prepare(
      `SELECT p.id, p.item_id AS itemId, i.inspection_id AS inspectionId, p.mime, p.bytes, p.name, p.size
       FROM inspection_photos p JOIN inspection_items i ON i.id = p.item_id WHERE p.id = ?`,
    )
    .get(id) as never;
}

export function deletePhoto(orm: Orm, id: string): void {
  orm.delete(inspectionPhotos).where(eq(inspectionPhotos.id, id)).run();
}

export const INSPECTION_GRID_COLUMNS: GridColumns = {
  premisesId: { sql: 'x.premises_id', type: 'text' },
  premisesName: { sql: 'p.name', type: 'text', quick: true },
  templateName: { sql: 't.name', type: 'text', quick: true },
  inspector: { sql: 'x.inspector', type: 'text', quick: true },
  inspectedOn: { sql: 'x.inspected_on', type: 'text' },
  status: { sql: 'x.status', type: 'text' },
  score: { sql: 'x.score', type: 'number' },
  passed: { sql: "CASE x.passed WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END", type: 'text' },
};

const INSPECTION_FROM = `FROM inspections x JOIN premises p ON p.id = x.premises_id JOIN inspection_templates t ON t.id = x.template_id`;
const INSPECTION_SELECT = `SELECT x.id, x.premises_id AS premisesId, p.name AS premisesName, x.template_id AS templateId,
  t.name AS templateName, t.preset_key AS templatePresetKey, t.version AS templateVersion, x.inspector, x.inspected_on AS inspectedOn, x.status,
  x.score, x.passed, x.updated_at AS updatedAt ${INSPECTION_FROM}`;

export interface InspectionListRow {
  id: string;
  premisesId: string;
  premisesName: string;
  templateId: string;
  templateName: string;
  templatePresetKey: string | null;
  templateVersion: number;
  inspector: string;
  inspectedOn: string;
  status: 'draft' | 'finished';
  score: number | null;
  passed: number | null;
  updatedAt: string;
}

export function queryInspections(sqlite: Database.Database, view: GridView, page: { offset: number; limit: number } | null) {
  const q = buildGridSql(INSPECTION_GRID_COLUMNS, view, 'x.inspected_on DESC, x.id DESC');
  const total = (sqlite.prepare(`SELECT count(*) AS n ${INSPECTION_FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${INSPECTION_SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as InspectionListRow[];
  return { rows, total };
}

export function getInspectionListRow(sqlite: Database.Database, id: string): InspectionListRow | undefined {
  return sqlite.prepare(`${INSPECTION_SELECT} WHERE x.id = ?`).get(id) as InspectionListRow | undefined;
}

/** The finished inspection of the same premises just before this one (by date, then by finish time). */
export function previousFinished(sqlite: Database.Database, current: InspectionRow): InspectionListRow | undefined {
  return sqlite
    .prepare(
      `${INSPECTION_SELECT} WHERE x.premises_id = ? AND x.status = 'finished' AND x.id <> ?
         AND (x.inspected_on < ? OR (x.inspected_on = ? AND coalesce(x.finished_at, '') < coalesce(?, '9999')))
       ORDER BY x.inspected_on DESC, x.finished_at DESC LIMIT 1`,
    )
    .get(current.premisesId, current.id, current.inspectedOn, current.inspectedOn, current.finishedAt) as InspectionListRow | undefined;
}

// ---- grid dates ----
/**
 * A calendar-date column ('YYYY-MM-DD' text) takes either a text filter on what is stored or a number
 * filter on the day written as YYYYMMDD, which is what the grid's date-range filter sends (the grid
 * contract has text and number filters only). A number filter moves to a numeric twin of the column, so
 * "before", "after" and "between" compare days; sorting stays on the stored text, which sorts the same.
 */
function withDayFilters(columns: GridColumns, dateIds: readonly string[], view: GridView): { columns: GridColumns; view: GridView } {
  const all: GridColumns = { ...columns };
  const filterModel: GridView['filterModel'] = {};
  for (const [id, filter] of Object.entries(view.filterModel)) {
    const column = columns[id];
    if (filter.filterType === 'number' && column && dateIds.includes(id)) {
      const twin = `${id}:day`;
      all[twin] = { sql: `CAST(nullif(replace(${column.sql}, '-', ''), '') AS INTEGER)`, type: 'number' };
      filterModel[twin] = filter;
    } else {
      filterModel[id] = filter;
    }
  }
  return { columns: all, view: { ...view, filterModel } };
}

// ---- corrective actions ----
function dateLiteral(today: string): string {
  // Only a real calendar date reaches the SQL text (it is computed by core, never user input).
  if (!isCalendarDate(today)) throw new Error('bad date');
  return `'${today}'`;
}

export function actionGridColumns(today: string): GridColumns {
  return {
    premisesId: { sql: 'a.premises_id', type: 'text' },
    inspectionId: { sql: 'a.inspection_id', type: 'text' },
    premisesName: { sql: 'p.name', type: 'text', quick: true },
    inspectedOn: { sql: 'x.inspected_on', type: 'text' },
    section: { sql: 'i.section', type: 'text' },
    title: { sql: 'a.title', type: 'text', quick: true },
    owner: { sql: 'a.owner', type: 'text', quick: true },
    dueDate: { sql: 'a.due_date', type: 'text' },
    itemLabel: { sql: 'i.label', type: 'text', quick: true },
    status: { sql: 'a.status', type: 'text' },
    overdue: { sql: `CASE WHEN a.status = 'open' AND a.due_date < ${dateLiteral(today)} THEN 'yes' ELSE 'no' END`, type: 'text' },
    closingNote: { sql: 'a.closing_note', type: 'text', quick: true },
  };
}

const ACTION_FROM = `FROM corrective_actions a JOIN premises p ON p.id = a.premises_id JOIN inspections x ON x.id = a.inspection_id
  JOIN inspection_items i ON i.id = a.item_id`;

export interface ActionListRow {
  id: string;
  inspectionId: string;
  itemId: string;
  premisesId: string;
  premisesName: string;
  inspectedOn: string;
  section: string;
  itemLabel: string;
  itemPresetKey: string | null;
  title: string;
  owner: string;
  dueDate: string | null;
  status: 'open' | 'done';
  closingNote: string;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const ACTION_SELECT = `SELECT a.id, a.inspection_id AS inspectionId, a.item_id AS itemId, a.premises_id AS premisesId, p.name AS premisesName,
  x.inspected_on AS inspectedOn, i.section, i.label AS itemLabel, i.preset_key AS itemPresetKey, a.title, a.owner, a.due_date AS dueDate,
  a.status, a.closing_note AS closingNote, a.closed_at AS closedAt, a.created_at AS createdAt, a.updated_at AS updatedAt ${ACTION_FROM}`;

/** The dates of an action a grid can filter on a day range. */
const ACTION_DATE_COLUMNS = ['dueDate', 'inspectedOn'] as const;

/**
 * "Overdue" is shown in the status column but is not a stored status: the grid's status filter asks for it
 * as `status = overdue`, which means open and past due.
 */
function actionView(view: GridView): GridView {
  const status = view.filterModel.status;
  if (status?.filterType !== 'text' || status.type !== 'equals' || status.filter?.toLowerCase() !== 'overdue') return view;
  const { status: _asked, ...rest } = view.filterModel;
  return { ...view, filterModel: { ...rest, overdue: { filterType: 'text', type: 'equals', filter: 'yes' } } };
}

export function queryActions(sqlite: Database.Database, view: GridView, today: string, page: { offset: number; limit: number } | null) {
  const grid = withDayFilters(actionGridColumns(today), ACTION_DATE_COLUMNS, actionView(view));
  const q = buildGridSql(grid.columns, grid.view, "a.status = 'done', a.due_date IS NULL, a.due_date, a.id");
  const total = (sqlite.prepare(`SELECT count(*) AS n ${ACTION_FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${ACTION_SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as ActionListRow[];
  return { rows, total };
}

export function actionsOfInspection(sqlite: Database.Database, inspectionId: string): ActionListRow[] {
  return sqlite.prepare(`${ACTION_SELECT} WHERE a.inspection_id = ? ORDER BY i.position`).all(inspectionId) as ActionListRow[];
}

export function getActionRow(sqlite: Database.Database, id: string): ActionListRow | undefined {
  return sqlite.prepare(`${ACTION_SELECT} WHERE a.id = ?`).get(id) as ActionListRow | undefined;
}

export function insertAction(orm: Orm, row: ActionRecord): void {
  orm.insert(correctiveActions).values(row).run();
}

export function updateAction(orm: Orm, id: string, changes: Partial<ActionRecord>): void {
  orm.update(correctiveActions).set(changes).where(eq(correctiveActions.id, id)).run();
}

// ---- equipment ----
const DEADLINE_SQL = `CASE WHEN e.expiry_date IS NULL THEN e.next_check WHEN e.next_check IS NULL THEN e.expiry_date
  WHEN e.expiry_date < e.next_check THEN e.expiry_date ELSE e.next_check END`;

export function equipmentStatusSql(today: string): string {
  return `CASE WHEN (${DEADLINE_SQL}) IS NULL THEN 'ok' WHEN (${DEADLINE_SQL}) < ${dateLiteral(today)} THEN 'overdue'
    WHEN (${DEADLINE_SQL}) <= ${dateLiteral(addDays(today, DUE_WINDOW_DAYS))} THEN 'due' ELSE 'ok' END`;
}

export function equipmentGridColumns(today: string): GridColumns {
  return {
    premisesId: { sql: 'e.premises_id', type: 'text' },
    premisesName: { sql: 'p.name', type: 'text', quick: true },
    kind: { sql: 'e.kind', type: 'text', quick: true },
    type: { sql: 'e.type', type: 'text', quick: true },
    capacity: { sql: 'e.capacity', type: 'text' },
    location: { sql: 'e.location', type: 'text', quick: true },
    purchaseDate: { sql: 'e.purchase_date', type: 'text' },
    lastCheck: { sql: 'e.last_check', type: 'text' },
    expiryDate: { sql: 'e.expiry_date', type: 'text' },
    nextCheck: { sql: 'e.next_check', type: 'text' },
    deadline: { sql: DEADLINE_SQL, type: 'text' },
    status: { sql: equipmentStatusSql(today), type: 'text' },
    notes: { sql: 'e.notes', type: 'text', quick: true },
  };
}

const EQUIPMENT_FROM = 'FROM equipment e JOIN premises p ON p.id = e.premises_id';
const EQUIPMENT_SELECT = `SELECT e.id, e.premises_id AS premisesId, p.name AS premisesName, e.kind, e.type, e.capacity, e.location,
  e.purchase_date AS purchaseDate, e.last_check AS lastCheck, e.expiry_date AS expiryDate, e.next_check AS nextCheck,
  (${DEADLINE_SQL}) AS deadline, e.notes, e.created_at AS createdAt, e.updated_at AS updatedAt`;

export interface EquipmentListRow extends Omit<EquipmentRecord, 'kind'> {
  kind: EquipmentRecord['kind'];
  premisesName: string;
  deadline: string | null;
  status: 'ok' | 'due' | 'overdue';
}

const EQUIPMENT_DATE_COLUMNS = ['purchaseDate', 'lastCheck', 'expiryDate', 'nextCheck', 'deadline'] as const;

export function queryEquipment(sqlite: Database.Database, view: GridView, today: string, page: { offset: number; limit: number } | null) {
  const grid = withDayFilters(equipmentGridColumns(today), EQUIPMENT_DATE_COLUMNS, view);
  const q = buildGridSql(grid.columns, grid.view, `(${DEADLINE_SQL}) IS NULL, (${DEADLINE_SQL}), e.id`);
  const total = (sqlite.prepare(`SELECT count(*) AS n ${EQUIPMENT_FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${EQUIPMENT_SELECT}, ${equipmentStatusSql(today)} AS status ${EQUIPMENT_FROM} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as EquipmentListRow[];
  return { rows, total };
}

export function getEquipment(sqlite: Database.Database, id: string, today: string): EquipmentListRow | undefined {
  return sqlite.prepare(`${EQUIPMENT_SELECT}, ${equipmentStatusSql(today)} AS status ${EQUIPMENT_FROM} WHERE e.id = ?`).get(id) as EquipmentListRow | undefined;
}

export function insertEquipment(orm: Orm, row: EquipmentRecord): void {
  orm.insert(equipment).values(row).run();
}

export function updateEquipment(orm: Orm, id: string, changes: Partial<EquipmentRecord>): void {
  orm.update(equipment).set(changes).where(eq(equipment.id, id)).run();
}

export function deleteEquipment(orm: Orm, id: string): void {
  orm.delete(equipment).where(eq(equipment.id, id)).run();
}

export function boardCounts(sqlite: Database.Database, today: string) {
  const actions = sqlite
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(due_date < ${dateLiteral(today)}), 0) AS overdue FROM corrective_actions WHERE status = 'open'`,
    )
    .get() as { open: number; overdue: number };
  const eq2 = sqlite
    .prepare(`SELECT coalesce(sum(s = 'due'), 0) AS due, coalesce(sum(s = 'overdue'), 0) AS overdue FROM (SELECT ${equipmentStatusSql(today)} AS s FROM equipment e)`)
    .get() as { due: number; overdue: number };
  const drafts = (sqlite.prepare("SELECT count(*) AS n FROM inspections WHERE status = 'draft'").get() as { n: number }).n;
  return { openActions: actions.open, overdueActions: actions.overdue, equipmentDue: eq2.due, equipmentOverdue: eq2.overdue, drafts };
}
