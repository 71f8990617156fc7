import type Database from 'better-sqlite3';
import { eq, inArray } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { briefings, people, trainings } from '../schema';
import type { Briefing, Course, PersonCategory, PersonStatus, Training } from '../../shared/contract/people';
import type { GridView } from '../../shared/contract/grid';
import { buildGridSql, type GridColumns } from '../grid';

export interface PersonRecord {
  id: string;
  name: string;
  category: PersonCategory;
  dependantOfId: string | null;
  organisation: string;
  position: string;
  phones: string[];
  radioCallSign: string;
  nationality: string;
  passportExpiry: string | null;
  bloodGroup: string | null;
  emergencyContact: string;
  residencePremisesId: string | null;
  residenceAddress: string;
  residenceLatitude: number | null;
  residenceLongitude: number | null;
  arrivalAt: string | null;
  departureAt: string | null;
  status: PersonStatus;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** A person row as read, before flags are computed. */
export interface PersonRow extends Omit<PersonRecord, 'bloodGroup'> {
  bloodGroup: string | null;
  dependantOfName: string | null;
  residenceName: string | null;
  residenceAreaPath: string | null;
  lastBriefingAt: string | null;
}

export const PEOPLE_GRID_COLUMNS: GridColumns = {
  name: { sql: 'p.name', type: 'text', quick: true },
  category: { sql: 'p.category', type: 'text' },
  dependantOfName: { sql: 'dp.name', type: 'text' },
  organisation: { sql: 'p.organisation', type: 'text', quick: true },
  position: { sql: 'p.position', type: 'text', quick: true },
  phones: { sql: 'p.phones', type: 'text', quick: true },
  radioCallSign: { sql: 'p.radio_call_sign', type: 'text', quick: true },
  nationality: { sql: 'p.nationality', type: 'text', quick: true },
  passportExpiry: { sql: 'p.passport_expiry', type: 'text' },
  bloodGroup: { sql: 'p.blood_group', type: 'text' },
  emergencyContact: { sql: 'p.emergency_contact', type: 'text' },
  residenceName: { sql: 'r.name', type: 'text', quick: true },
  residenceAreaPath: { sql: 'ap.path', type: 'text', quick: true },
  residenceAddress: { sql: 'p.residence_address', type: 'text', quick: true },
  arrivalAt: { sql: 'p.arrival_at', type: 'text' },
  departureAt: { sql: 'p.departure_at', type: 'text' },
  status: { sql: 'p.status', type: 'text' },
  lastBriefingAt: { sql: '(SELECT max(b.at) FROM briefings b WHERE b.person_id = p.id)', type: 'text' },
  notes: { sql: 'p.notes', type: 'text', quick: true },
  updatedAt: { sql: 'p.updated_at', type: 'text' },
};

const FROM = `FROM people p
  LEFT JOIN people dp ON dp.id = p.dependant_of_id
  LEFT JOIN premises r ON r.id = p.residence_premises_id
  LEFT JOIN area_paths ap ON ap.area_id = r.area_id`;

const SELECT = `SELECT p.id, p.name, p.category, p.dependant_of_id AS dependantOfId, dp.name AS dependantOfName,
  p.organisation, p.position, p.phones, p.radio_call_sign AS radioCallSign, p.nationality,
  p.passport_expiry AS passportExpiry, p.blood_group AS bloodGroup, p.emergency_contact AS emergencyContact,
  p.residence_premises_id AS residencePremisesId, r.name AS residenceName, ap.path AS residenceAreaPath,
  p.residence_address AS residenceAddress, p.residence_latitude AS residenceLatitude,
  p.residence_longitude AS residenceLongitude, p.arrival_at AS arrivalAt, p.departure_at AS departureAt, p.status,
  p.notes, (SELECT max(b.at) FROM briefings b WHERE b.person_id = p.id) AS lastBriefingAt,
  p.created_at AS createdAt, p.updated_at AS updatedAt ${FROM}`;

function toRow(row: Record<string, unknown>): PersonRow {
  return { ...(row as unknown as PersonRow), phones: JSON.parse((row.phones as string) || '[]') as string[] };
}

export function queryPeople(
  sqlite: Database.Database,
  view: GridView,
  page: { offset: number; limit: number } | null,
  extraWhere = '1=1',
): { rows: PersonRow[]; total: number } {
  const q = buildGridSql(PEOPLE_GRID_COLUMNS, view, 'p.name COLLATE NOCASE, p.id');
  const where = `(${q.where}) AND (${extraWhere})`;
  const total = (sqlite.prepare(`SELECT count(*) AS n ${FROM} WHERE ${where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${SELECT} WHERE ${where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as Record<string, unknown>[];
  return { rows: rows.map(toRow), total };
}

export function allPeople(sqlite: Database.Database): PersonRow[] {
  return (sqlite.prepare(`${SELECT} ORDER BY p.name COLLATE NOCASE, p.id`).all() as Record<string, unknown>[]).map(toRow);
}

export function getPersonRow(sqlite: Database.Database, id: string): PersonRow | undefined {
  const row = sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toRow(row) : undefined;
}

export function insertPerson(orm: Orm, record: PersonRecord): void {
  orm.insert(people).values({ ...record, phones: JSON.stringify(record.phones) }).run();
}

export function updatePerson(orm: Orm, { id, ...changes }: Omit<PersonRecord, 'createdAt'>): void {
  orm.update(people).set({ ...changes, phones: JSON.stringify(changes.phones) }).where(eq(people.id, id)).run();
}

export function deletePeople(orm: Orm, ids: string[]): void {
  if (ids.length > 0) orm.delete(people).where(inArray(people.id, ids)).run();
}

export function briefingsOf(sqlite: Database.Database, personIds: string[]): Briefing[] {
  if (personIds.length === 0) return [];
  return sqlite
    .prepare(`SELECT id, person_id AS personId, at, by, kind, notes FROM briefings WHERE person_id IN (${personIds.map(() => '?').join(',')}) ORDER BY at DESC`)
    .all(...personIds) as Briefing[];
}

export function trainingsOf(sqlite: Database.Database, personIds: string[]): Training[] {
  if (personIds.length === 0) return [];
  return sqlite
    .prepare(
      `SELECT id, person_id AS personId, course, course_other AS courseOther, completed_on AS completedOn, expires_on AS expiresOn
       FROM trainings WHERE person_id IN (${personIds.map(() => '?').join(',')}) ORDER BY completed_on DESC`,
    )
    .all(...personIds) as Training[];
}

export function getBriefing(sqlite: Database.Database, id: string): Briefing | undefined {
  return sqlite.prepare('SELECT id, person_id AS personId, at, by, kind, notes FROM briefings WHERE id = ?').get(id) as Briefing | undefined;
}

export function getTraining(sqlite: Database.Database, id: string): Training | undefined {
  return sqlite
    .prepare('SELECT id, person_id AS personId, course, course_other AS courseOther, completed_on AS completedOn, expires_on AS expiresOn FROM trainings WHERE id = ?')
    .get(id) as Training | undefined;
}

export function insertBriefing(orm: Orm, b: Briefing): void {
  orm.insert(briefings).values(b).run();
}

export function deleteBriefing(orm: Orm, id: string): void {
  orm.delete(briefings).where(eq(briefings.id, id)).run();
}

export function upsertTraining(orm: Orm, t: Training & { course: Course }, exists: boolean): void {
  if (exists) orm.update(trainings).set(t).where(eq(trainings.id, t.id)).run();
  else orm.insert(trainings).values(t).run();
}

export function deleteTraining(orm: Orm, id: string): void {
  orm.delete(trainings).where(eq(trainings.id, id)).run();
}
