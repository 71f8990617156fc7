import type Database from 'better-sqlite3';
import { and, eq, inArray } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { rosterAssignments, rosterFeedback, rosterLeave, rosterPosts, rosterPresence, rosterRules, rosterShifts, rosterStaff } from '../schema';
import type { PresenceStatus, RosterRoleName } from '../../shared/contract/rosters';

export interface StaffRow {
  id: string;
  name: string;
  role: RosterRoleName;
  phone: string;
  employer: string;
  startDate: string | null;
  training: string;
  languages: string;
  status: 'active' | 'inactive';
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface LeaveRow {
  id: string;
  staffId: string;
  fromDay: string;
  toDay: string;
  note: string;
  createdAt: string;
}

export interface PostRow {
  id: string;
  premisesId: string;
  premisesName: string;
  name: string;
  code: string;
  role: RosterRoleName;
  createdAt: string;
  updatedAt: string;
}

export interface ShiftRow {
  id: string;
  postId: string;
  position: number;
  label: string;
  start: string;
  end: string;
  needed: number;
}

export interface AssignmentRow {
  id: string;
  month: string;
  day: string;
  staffId: string;
  postId: string;
  shiftId: string;
  manual: boolean;
  createdAt: string;
}

export interface PresenceRow {
  id: string;
  day: string;
  postId: string;
  shiftId: string;
  staffId: string | null;
  staffName: string | null;
  status: PresenceStatus;
  replacedById: string | null;
  replacedByName: string;
  checkedBy: string;
  checkedAt: string;
  note: string;
  adHoc: boolean;
  createdAt: string;
}

export interface FeedbackRow {
  id: string;
  staffId: string;
  staffName: string;
  month: string;
  rating: number;
  note: string;
  by: string;
  at: string;
}

export interface RulesRow {
  maxShiftsPerWeek: number;
  minRestHours: number;
  noDayAfterNight: boolean;
  daysOffPerMonth: number;
  fairness: boolean;
}

// ---- staff ----
const STAFF = `SELECT id, name, role, phone, employer, start_date AS startDate, training, languages, status, notes,
  created_at AS createdAt, updated_at AS updatedAt FROM roster_staff`;

export function listStaff(sqlite: Database.Database): StaffRow[] {
  return sqlite.prepare(`${STAFF} ORDER BY role, name COLLATE NOCASE, id`).all() as StaffRow[];
}

export function getStaff(sqlite: Database.Database, id: string): StaffRow | undefined {
  return sqlite.prepare(`${STAFF} WHERE id = ?`).get(id) as StaffRow | undefined;
}

export function insertStaff(orm: Orm, row: StaffRow): void {
  orm.insert(rosterStaff).values(row).run();
}

export function updateStaff(orm: Orm, { id, ...changes }: Omit<StaffRow, 'createdAt'>): void {
  orm.update(rosterStaff).set(changes).where(eq(rosterStaff.id, id)).run();
}

export function deleteStaff(orm: Orm, id: string): void {
  orm.delete(rosterStaff).where(eq(rosterStaff.id, id)).run();
}

export function listLeave(sqlite: Database.Database, staffId?: string): LeaveRow[] {
  const sql = `SELECT id, staff_id AS staffId, from_day AS fromDay, to_day AS toDay, note, created_at AS createdAt FROM roster_leave`;
  return (staffId ? sqlite.prepare(`${sql} WHERE staff_id = ? ORDER BY from_day`).all(staffId) : sqlite.prepare(`${sql} ORDER BY from_day`).all()) as LeaveRow[];
}

export function getLeave(sqlite: Database.Database, id: string): LeaveRow | undefined {
  return sqlite.prepare(`SELECT id, staff_id AS staffId, from_day AS fromDay, to_day AS toDay, note, created_at AS createdAt FROM roster_leave WHERE id = ?`).get(id) as
    | LeaveRow
    | undefined;
}

export function insertLeave(orm: Orm, row: LeaveRow): void {
  orm.insert(rosterLeave).values(row).run();
}

export function deleteLeave(orm: Orm, id: string): void {
  orm.delete(rosterLeave).where(eq(rosterLeave.id, id)).run();
}

export function countAssignmentsFrom(sqlite: Database.Database, staffId: string, fromDay: string): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM roster_assignments WHERE staff_id = ? AND day >= ?').get(staffId, fromDay) as { n: number }).n;
}

export function futureShiftCounts(sqlite: Database.Database, fromDay: string): Map<string, number> {
  const rows = sqlite.prepare('SELECT staff_id AS id, count(*) AS n FROM roster_assignments WHERE day >= ? GROUP BY staff_id').all(fromDay) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function deleteAssignmentsOfStaff(sqlite: Database.Database, staffId: string, fromDay: string | null): number {
  return fromDay === null
    ? sqlite.prepare('DELETE FROM roster_assignments WHERE staff_id = ?').run(staffId).changes
    : sqlite.prepare('DELETE FROM roster_assignments WHERE staff_id = ? AND day >= ?').run(staffId, fromDay).changes;
}

// ---- posts ----
const POSTS = `SELECT rp.id, rp.premises_id AS premisesId, p.name AS premisesName, rp.name, rp.code, rp.role,
  rp.created_at AS createdAt, rp.updated_at AS updatedAt FROM roster_posts rp JOIN premises p ON p.id = rp.premises_id`;

export function listPosts(sqlite: Database.Database, premisesId?: string): PostRow[] {
  const order = ' ORDER BY p.name COLLATE NOCASE, rp.name COLLATE NOCASE, rp.id';
  return (premisesId ? sqlite.prepare(`${POSTS} WHERE rp.premises_id = ?${order}`).all(premisesId) : sqlite.prepare(`${POSTS}${order}`).all()) as PostRow[];
}

export function getPost(sqlite: Database.Database, id: string): PostRow | undefined {
  return sqlite.prepare(`${POSTS} WHERE rp.id = ?`).get(id) as PostRow | undefined;
}

export function listShifts(sqlite: Database.Database): ShiftRow[] {
  return sqlite.prepare('SELECT id, post_id AS postId, position, label, start, "end", needed FROM roster_shifts ORDER BY post_id, position').all() as ShiftRow[];
}

export function insertPost(orm: Orm, row: Omit<PostRow, 'premisesName'>): void {
  orm.insert(rosterPosts).values(row).run();
}

export function updatePost(orm: Orm, { id, ...changes }: Omit<PostRow, 'premisesName' | 'createdAt'>): void {
  orm.update(rosterPosts).set(changes).where(eq(rosterPosts.id, id)).run();
}

export function deletePost(orm: Orm, id: string): void {
  orm.delete(rosterPosts).where(eq(rosterPosts.id, id)).run();
}

export function upsertShift(orm: Orm, row: ShiftRow, exists: boolean): void {
  if (exists) {
    const { id, ...changes } = row;
    orm.update(rosterShifts).set(changes).where(eq(rosterShifts.id, id)).run();
  } else orm.insert(rosterShifts).values(row).run();
}

export function deleteShifts(orm: Orm, ids: string[]): void {
  if (ids.length) orm.delete(rosterShifts).where(inArray(rosterShifts.id, ids)).run();
}

export function countAssignmentsOfShifts(sqlite: Database.Database, shiftIds: string[]): number {
  if (!shiftIds.length) return 0;
  return (sqlite.prepare(`SELECT count(*) AS n FROM roster_assignments WHERE shift_id IN (${shiftIds.map(() => '?').join(',')})`).get(...shiftIds) as { n: number }).n;
}

export function deleteAssignmentsOfShifts(sqlite: Database.Database, shiftIds: string[]): number {
  if (!shiftIds.length) return 0;
  return sqlite.prepare(`DELETE FROM roster_assignments WHERE shift_id IN (${shiftIds.map(() => '?').join(',')})`).run(...shiftIds).changes;
}

// ---- rules ----
export function readRules(sqlite: Database.Database): RulesRow | undefined {
  const row = sqlite
    .prepare(
      `SELECT max_shifts_per_week AS maxShiftsPerWeek, min_rest_hours AS minRestHours, no_day_after_night AS noDayAfterNight,
        days_off_per_month AS daysOffPerMonth, fairness FROM roster_rules WHERE id = 1`,
    )
    .get() as (Omit<RulesRow, 'noDayAfterNight' | 'fairness'> & { noDayAfterNight: number; fairness: number }) | undefined;
  return row ? { ...row, noDayAfterNight: Boolean(row.noDayAfterNight), fairness: Boolean(row.fairness) } : undefined;
}

export function writeRules(orm: Orm, rules: RulesRow, updatedAt: string): void {
  orm
    .insert(rosterRules)
    .values({ id: 1, ...rules, updatedAt })
    .onConflictDoUpdate({ target: rosterRules.id, set: { ...rules, updatedAt } })
    .run();
}

// ---- assignments ----
const ASSIGNMENTS = 'SELECT id, month, day, staff_id AS staffId, post_id AS postId, shift_id AS shiftId, manual, created_at AS createdAt FROM roster_assignments';
const toAssignment = (r: Record<string, unknown>): AssignmentRow => ({ ...(r as unknown as AssignmentRow), manual: Boolean(r.manual) });

export function assignmentsBetween(sqlite: Database.Database, fromDay: string, toDay: string): AssignmentRow[] {
  return (sqlite.prepare(`${ASSIGNMENTS} WHERE day >= ? AND day <= ? ORDER BY day, id`).all(fromDay, toDay) as Record<string, unknown>[]).map(toAssignment);
}

export function assignmentsByIds(sqlite: Database.Database, ids: string[]): AssignmentRow[] {
  if (!ids.length) return [];
  return (sqlite.prepare(`${ASSIGNMENTS} WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Record<string, unknown>[]).map(toAssignment);
}

export function findCell(sqlite: Database.Database, a: { day: string; staffId: string; postId: string; shiftId: string }): AssignmentRow | undefined {
  const row = sqlite.prepare(`${ASSIGNMENTS} WHERE day = ? AND staff_id = ? AND post_id = ? AND shift_id = ?`).get(a.day, a.staffId, a.postId, a.shiftId) as
    | Record<string, unknown>
    | undefined;
  return row ? toAssignment(row) : undefined;
}

export function insertAssignments(orm: Orm, rows: AssignmentRow[]): void {
  for (let i = 0; i < rows.length; i += 200) orm.insert(rosterAssignments).values(rows.slice(i, i + 200)).run();
}

export function moveAssignment(orm: Orm, id: string, to: { day: string; month: string; staffId: string }): void {
  orm.update(rosterAssignments).set({ ...to, manual: true }).where(eq(rosterAssignments.id, id)).run();
}

export function deleteAssignments(orm: Orm, ids: string[]): void {
  for (let i = 0; i < ids.length; i += 500) orm.delete(rosterAssignments).where(inArray(rosterAssignments.id, ids.slice(i, i + 500))).run();
}

export function deleteMonth(orm: Orm, month: string, onlyGenerated: boolean): number {
  const where = onlyGenerated ? and(eq(rosterAssignments.month, month), eq(rosterAssignments.manual, false)) : eq(rosterAssignments.month, month);
  return orm.delete(rosterAssignments).where(where).run().changes;
}

// ---- presence ----
const PRESENCE = `SELECT c.id, c.day, c.post_id AS postId, c.shift_id AS shiftId, c.staff_id AS staffId, s.name AS staffName, c.status,
  c.replaced_by_id AS replacedById, COALESCE(NULLIF(c.replaced_by_name, ''), r.name, '') AS replacedByName, c.checked_by AS checkedBy,
  c.checked_at AS checkedAt, c.note, c.ad_hoc AS adHoc, c.created_at AS createdAt
  FROM roster_presence c LEFT JOIN roster_staff s ON s.id = c.staff_id LEFT JOIN roster_staff r ON r.id = c.replaced_by_id`;
const toPresence = (r: Record<string, unknown>): PresenceRow => ({ ...(r as unknown as PresenceRow), adHoc: Boolean(r.adHoc) });

export function presenceBetween(sqlite: Database.Database, fromDay: string, toDay: string): PresenceRow[] {
  return (sqlite.prepare(`${PRESENCE} WHERE c.day >= ? AND c.day <= ? ORDER BY c.checked_at, c.id`).all(fromDay, toDay) as Record<string, unknown>[]).map(toPresence);
}

export function getPresence(sqlite: Database.Database, id: string): PresenceRow | undefined {
  const row = sqlite.prepare(`${PRESENCE} WHERE c.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toPresence(row) : undefined;
}

export function insertPresence(orm: Orm, row: Omit<PresenceRow, 'staffName'>): void {
  orm.insert(rosterPresence).values(row).run();
}

// ---- feedback ----
const FEEDBACK = `SELECT f.id, f.staff_id AS staffId, s.name AS staffName, f.month, f.rating, f.note, f.by, f.at
  FROM roster_feedback f JOIN roster_staff s ON s.id = f.staff_id`;

export function listFeedback(sqlite: Database.Database, staffId?: string): FeedbackRow[] {
  const order = ' ORDER BY f.at DESC, f.id DESC';
  return (staffId ? sqlite.prepare(`${FEEDBACK} WHERE f.staff_id = ?${order}`).all(staffId) : sqlite.prepare(`${FEEDBACK}${order}`).all()) as FeedbackRow[];
}

export function insertFeedback(orm: Orm, row: Omit<FeedbackRow, 'staffName'>): void {
  orm.insert(rosterFeedback).values(row).run();
}
