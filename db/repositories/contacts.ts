import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { Orm } from '../openDb';
import { contactLinks, contacts, interactions, organisations } from '../schema';
import type {
  Contact,
  ContactLink,
  Handle,
  Interaction,
  InteractionKind,
  Network,
  Organisation,
  OrganisationType,
  Phone,
} from '../../shared/contract/contacts';
import type { GridView } from '../../shared/contract/grid';
import { buildGridSql, type GridColumns } from '../grid';

export interface OrganisationRecord {
  id: string;
  name: string;
  type: OrganisationType;
  areaId: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export interface ContactRecord {
  id: string;
  name: string;
  organisationId: string | null;
  role: string;
  phones: Phone[];
  callSign: string;
  email: string;
  messaging: Handle[];
  address: string;
  latitude: number | null;
  longitude: number | null;
  languages: string;
  relationshipOwner: string;
  trustNote: string;
  lastContactDate: string | null;
  sensitive: boolean;
  notes: string;
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InteractionRecord {
  id: string;
  date: string;
  contactId: string | null;
  organisationId: string | null;
  byWhom: string;
  kind: InteractionKind;
  subject: string;
  notes: string;
  followUp: string;
  createdAt: string;
  updatedAt: string;
}

/** "Today" is inlined as a literal only after this check: it never comes from user input unchecked. */
function dayLiteral(today: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('today must be YYYY-MM-DD');
  return `'${today}'`;
}

const daysSinceSql = (today: string) =>
  `CAST(julianday(${dayLiteral(today)}) - julianday(c.last_contact_date) AS INTEGER)`;

/** The contacts grid's columns; "days since contact" is computed against the delegation's today. */
export function contactGridColumns(today: string): GridColumns {
  return {
    name: { sql: 'c.name', type: 'text', quick: true },
    organisationName: { sql: 'o.name', type: 'text', quick: true },
    organisationType: { sql: 'o.type', type: 'text', quick: true },
    role: { sql: 'c.role', type: 'text', quick: true },
    phones: { sql: 'c.phones', type: 'text', quick: true },
    callSign: { sql: 'c.call_sign', type: 'text', quick: true },
    email: { sql: 'c.email', type: 'text', quick: true },
    messaging: { sql: 'c.messaging', type: 'text', quick: true },
    address: { sql: 'c.address', type: 'text', quick: true },
    latitude: { sql: 'c.latitude', type: 'number' },
    longitude: { sql: 'c.longitude', type: 'number' },
    languages: { sql: 'c.languages', type: 'text', quick: true },
    relationshipOwner: { sql: 'c.relationship_owner', type: 'text', quick: true },
    trustNote: { sql: 'c.trust_note', type: 'text' },
    lastContactDate: { sql: 'c.last_contact_date', type: 'text' },
    daysSinceContact: { sql: daysSinceSql(today), type: 'number' },
    sensitive: { sql: "CASE WHEN c.sensitive THEN 'yes' ELSE 'no' END", type: 'text' },
    notes: { sql: 'c.notes', type: 'text', quick: true },
    updatedAt: { sql: 'c.updated_at', type: 'text' },
  };
}

const CONTACT_FROM = `FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id`;

const contactSelect = (today: string) => `SELECT c.id, c.name, c.organisation_id AS organisationId, o.name AS organisationName,
  o.type AS organisationType, c.role, c.phones, c.call_sign AS callSign, c.email, c.messaging, c.address, c.latitude,
  c.longitude, c.languages, c.relationship_owner AS relationshipOwner, c.trust_note AS trustNote,
  c.last_contact_date AS lastContactDate, ${daysSinceSql(today)} AS daysSinceContact, c.sensitive, c.notes,
  c.external_id AS externalId, c.created_at AS createdAt, c.updated_at AS updatedAt ${CONTACT_FROM}`;

function parseJsonArray<T>(raw: unknown): T[] {
  try {
    const v = JSON.parse(String(raw ?? '[]')) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

function toContact(row: Record<string, unknown>): Contact {
  return {
    id: row.id as string,
    name: row.name as string,
    organisationId: (row.organisationId as string | null) ?? null,
    organisationName: (row.organisationName as string | null) ?? null,
    organisationType: (row.organisationType as OrganisationType | null) ?? null,
    role: row.role as string,
    phones: parseJsonArray<Phone>(row.phones),
    callSign: row.callSign as string,
    email: row.email as string,
    messaging: parseJsonArray<Handle>(row.messaging),
    address: row.address as string,
    latitude: (row.latitude as number | null) ?? null,
    longitude: (row.longitude as number | null) ?? null,
    languages: row.languages as string,
    relationshipOwner: row.relationshipOwner as string,
    trustNote: row.trustNote as string,
    lastContactDate: (row.lastContactDate as string | null) ?? null,
    daysSinceContact: (row.daysSinceContact as number | null) ?? null,
    sensitive: Boolean(row.sensitive),
    notes: row.notes as string,
    externalId: (row.externalId as string | null) ?? null,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

export function queryContacts(
  sqlite: Database.Database,
  today: string,
  view: GridView,
  page: { offset: number; limit: number } | null,
  extraWhere?: { sql: string; params: unknown[] },
): { rows: Contact[]; total: number } {
  const q = buildGridSql(contactGridColumns(today), view, 'c.name COLLATE NOCASE, c.id');
  const where = extraWhere ? `(${q.where}) AND (${extraWhere.sql})` : q.where;
  const params = [...q.params, ...(extraWhere?.params ?? [])];
  const total = (sqlite.prepare(`SELECT count(*) AS n ${CONTACT_FROM} WHERE ${where}`).get(...params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${contactSelect(today)} WHERE ${where} ORDER BY ${q.orderBy}${paging}`)
    .all(...params, ...(page ? [page.limit, page.offset] : [])) as Record<string, unknown>[];
  return { rows: rows.map(toContact), total };
}

const CONTACT_GROUP_SQL = { organisationName: "coalesce(trim(o.name), '')", organisationType: "coalesce(o.type, '')" } as const;

/** Contacts of a view counted per organisation (or organisation type): the grid's "group by". */
export function groupContacts(
  sqlite: Database.Database,
  today: string,
  by: keyof typeof CONTACT_GROUP_SQL,
  view: GridView,
): Array<{ key: string; count: number }> {
  const q = buildGridSql(contactGridColumns(today), view, 'c.name COLLATE NOCASE, c.id');
  return sqlite
    .prepare(`SELECT ${CONTACT_GROUP_SQL[by]} AS key, count(*) AS count ${CONTACT_FROM} WHERE ${q.where} GROUP BY 1 ORDER BY 2 DESC, 1 COLLATE NOCASE`)
    .all(...q.params) as Array<{ key: string; count: number }>;
}

export function getContact(sqlite: Database.Database, today: string, id: string): Contact | undefined {
  const row = sqlite.prepare(`${contactSelect(today)} WHERE c.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toContact(row) : undefined;
}

/** Every contact's id, name, email and phones: what duplicate detection compares against. */
export function contactKeys(sqlite: Database.Database): Array<{ id: string; name: string; email: string; phones: Phone[]; externalId: string | null }> {
  return (sqlite.prepare('SELECT id, name, email, phones, external_id AS externalId FROM contacts').all() as Record<string, unknown>[]).map((r) => ({
    id: r.id as string,
    name: r.name as string,
    email: r.email as string,
    phones: parseJsonArray<Phone>(r.phones),
    externalId: (r.externalId as string | null) ?? null,
  }));
}

const contactValues = (record: Omit<ContactRecord, 'createdAt'>) => ({
  ...record,
  phones: JSON.stringify(record.phones),
  messaging: JSON.stringify(record.messaging),
});

export function insertContact(orm: Orm, record: ContactRecord): void {
  orm.insert(contacts).values({ ...contactValues(record), createdAt: record.createdAt }).run();
}

export function updateContact(orm: Orm, record: Omit<ContactRecord, 'createdAt'>): void {
  const { id, ...changes } = contactValues(record);
  orm.update(contacts).set(changes).where(eq(contacts.id, id)).run();
}

export function deleteContact(orm: Orm, id: string): void {
  orm.delete(contacts).where(eq(contacts.id, id)).run();
}

/** Moves the last contact date forward to `day` (never back), as an interaction is logged. */
export function touchLastContact(sqlite: Database.Database, contactId: string, day: string, now: string): void {
  sqlite
    .prepare(
      `UPDATE contacts SET last_contact_date = ?, updated_at = ? WHERE id = ? AND (last_contact_date IS NULL OR last_contact_date < ?)`,
    )
    .run(day, now, contactId, day);
}

/* ----- organisations ----- */

export const ORGANISATION_GRID_COLUMNS: GridColumns = {
  name: { sql: 'o.name', type: 'text', quick: true },
  type: { sql: 'o.type', type: 'text', quick: true },
  areaPath: { sql: 'ap.path', type: 'text', quick: true },
  contactCount: { sql: '(SELECT count(*) FROM contacts c WHERE c.organisation_id = o.id)', type: 'number' },
  lastContactDate: { sql: '(SELECT max(c.last_contact_date) FROM contacts c WHERE c.organisation_id = o.id)', type: 'text' },
  notes: { sql: 'o.notes', type: 'text', quick: true },
  updatedAt: { sql: 'o.updated_at', type: 'text' },
};

const ORG_FROM = `FROM organisations o LEFT JOIN area_paths ap ON ap.area_id = o.area_id`;
const ORG_SELECT = `SELECT o.id, o.name, o.type, o.area_id AS areaId, ap.path AS areaPath, o.notes,
  ${ORGANISATION_GRID_COLUMNS.contactCount!.sql} AS contactCount, ${ORGANISATION_GRID_COLUMNS.lastContactDate!.sql} AS lastContactDate,
  o.created_at AS createdAt, o.updated_at AS updatedAt ${ORG_FROM}`;

function toOrganisation(row: Record<string, unknown>): Organisation {
  return {
    id: row.id as string,
    name: row.name as string,
    type: row.type as OrganisationType,
    areaId: (row.areaId as string | null) ?? null,
    areaPath: (row.areaPath as string | null) ?? null,
    notes: row.notes as string,
    contactCount: Number(row.contactCount ?? 0),
    lastContactDate: (row.lastContactDate as string | null) ?? null,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

export function queryOrganisations(
  sqlite: Database.Database,
  view: GridView,
  page: { offset: number; limit: number } | null,
): { rows: Organisation[]; total: number } {
  const q = buildGridSql(ORGANISATION_GRID_COLUMNS, view, 'o.name COLLATE NOCASE, o.id');
  const total = (sqlite.prepare(`SELECT count(*) AS n ${ORG_FROM} WHERE ${q.where}`).get(...q.params) as { n: number }).n;
  const paging = page ? ' LIMIT ? OFFSET ?' : '';
  const rows = sqlite
    .prepare(`${ORG_SELECT} WHERE ${q.where} ORDER BY ${q.orderBy}${paging}`)
    .all(...q.params, ...(page ? [page.limit, page.offset] : [])) as Record<string, unknown>[];
  return { rows: rows.map(toOrganisation), total };
}

export function getOrganisation(sqlite: Database.Database, id: string): Organisation | undefined {
  const row = sqlite.prepare(`${ORG_SELECT} WHERE o.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toOrganisation(row) : undefined;
}

export function findOrganisationByName(sqlite: Database.Database, name: string): { id: string; name: string } | undefined {
  return sqlite.prepare('SELECT id, name FROM organisations WHERE lower(name) = lower(?) LIMIT 1').get(name.trim()) as
    | { id: string; name: string }
    | undefined;
}

export function insertOrganisation(orm: Orm, record: OrganisationRecord): void {
  orm.insert(organisations).values(record).run();
}

export function updateOrganisation(orm: Orm, { id, ...changes }: Omit<OrganisationRecord, 'createdAt'>): void {
  orm.update(organisations).set(changes).where(eq(organisations.id, id)).run();
}

export function deleteOrganisation(orm: Orm, id: string): void {
  orm.delete(organisations).where(eq(organisations.id, id)).run();
}

/* ----- interactions ----- */

const INTERACTION_SELECT = `SELECT i.id, i.date, i.contact_id AS contactId, c.name AS contactName,
  i.organisation_id AS organisationId, o.name AS organisationName, i.by_whom AS byWhom, i.kind, i.subject, i.notes,
  i.follow_up AS followUp, i.created_at AS createdAt, i.updated_at AS updatedAt
  FROM interactions i LEFT JOIN contacts c ON c.id = i.contact_id LEFT JOIN organisations o ON o.id = i.organisation_id`;

function toInteraction(row: Record<string, unknown>): Interaction {
  return {
    id: row.id as string,
    date: row.date as string,
    contactId: (row.contactId as string | null) ?? null,
    contactName: (row.contactName as string | null) ?? null,
    organisationId: (row.organisationId as string | null) ?? null,
    organisationName: (row.organisationName as string | null) ?? null,
    byWhom: row.byWhom as string,
    kind: row.kind as InteractionKind,
    subject: row.subject as string,
    notes: row.notes as string,
    followUp: row.followUp as string,
    createdAt: row.createdAt as string,
    updatedAt: row.updatedAt as string,
  };
}

/** An organisation's log also shows what was said with its people. */
export function listInteractions(
  sqlite: Database.Database,
  filter: { contactId?: string; organisationId?: string; limit: number },
): Interaction[] {
  const where = filter.contactId
    ? { sql: 'i.contact_id = ?', params: [filter.contactId] }
    : { sql: 'i.organisation_id = ? OR c.organisation_id = ?', params: [filter.organisationId, filter.organisationId] };
  return (
    sqlite.prepare(`${INTERACTION_SELECT} WHERE ${where.sql} ORDER BY i.date DESC, i.created_at DESC LIMIT ?`).all(...where.params, filter.limit) as Record<
      string,
      unknown
    >[]
  ).map(toInteraction);
}

export function getInteraction(sqlite: Database.Database, id: string): Interaction | undefined {
  const row = sqlite.prepare(`${INTERACTION_SELECT} WHERE i.id = ?`).get(id) as Record<string, unknown> | undefined;
  return row ? toInteraction(row) : undefined;
}

export function insertInteraction(orm: Orm, record: InteractionRecord): void {
  orm.insert(interactions).values(record).run();
}

export function updateInteraction(orm: Orm, { id, ...changes }: Omit<InteractionRecord, 'createdAt'>): void {
  orm.update(interactions).set(changes).where(eq(interactions.id, id)).run();
}

export function deleteInteraction(orm: Orm, id: string): void {
  orm.delete(interactions).where(eq(interactions.id, id)).run();
}

/* ----- links and network ----- */

const LINK_SELECT = `SELECT l.id, l.from_contact_id AS fromContactId, l.to_contact_id AS toContactId, f.name AS fromName,
  t.name AS toName, l.relation, l.created_at AS createdAt
  FROM contact_links l JOIN contacts f ON f.id = l.from_contact_id JOIN contacts t ON t.id = l.to_contact_id`;

export function listLinks(sqlite: Database.Database, contactId: string): ContactLink[] {
  return sqlite.prepare(`${LINK_SELECT} WHERE l.from_contact_id = ? OR l.to_contact_id = ? ORDER BY l.created_at`).all(contactId, contactId) as ContactLink[];
}

export function getLink(sqlite: Database.Database, id: string): ContactLink | undefined {
  return sqlite.prepare(`${LINK_SELECT} WHERE l.id = ?`).get(id) as ContactLink | undefined;
}

export function findLink(sqlite: Database.Database, a: string, b: string): { id: string } | undefined {
  return sqlite
    .prepare('SELECT id FROM contact_links WHERE (from_contact_id = ? AND to_contact_id = ?) OR (from_contact_id = ? AND to_contact_id = ?)')
    .get(a, b, b, a) as { id: string } | undefined;
}

export function insertLink(orm: Orm, record: { id: string; fromContactId: string; toContactId: string; relation: string; createdAt: string }): void {
  orm.insert(contactLinks).values(record).run();
}

export function deleteLink(orm: Orm, id: string): void {
  orm.delete(contactLinks).where(eq(contactLinks.id, id)).run();
}

export function loadNetwork(sqlite: Database.Database, today: string, staleDays: number, types: OrganisationType[] | null): Network {
  const typeFilter = types ? `WHERE o.type IN (${types.map(() => '?').join(',') || "''"})` : '';
  const orgs = sqlite.prepare(`SELECT o.id, o.name, o.type FROM organisations o ${typeFilter} ORDER BY o.name`).all(...(types ?? [])) as Network['organisations'];
  const orgIds = new Set(orgs.map((o) => o.id));
  const people = (
    sqlite
      .prepare(`SELECT c.id, c.name, c.organisation_id AS organisationId, c.sensitive, ${daysSinceSql(today)} AS days FROM contacts c ${CONTACT_FROM.replace('FROM contacts c', '')} ORDER BY c.name`)
      .all() as Array<{ id: string; name: string; organisationId: string | null; sensitive: number; days: number | null }>
  )
    .filter((c) => !types || (c.organisationId != null && orgIds.has(c.organisationId)))
    .map((c) => ({ id: c.id, name: c.name, organisationId: c.organisationId, sensitive: Boolean(c.sensitive), stale: c.days == null || c.days >= staleDays }));
  const peopleIds = new Set(people.map((p) => p.id));
  const links = (sqlite.prepare('SELECT id, from_contact_id AS fromContactId, to_contact_id AS toContactId, relation FROM contact_links').all() as Network['links']).filter(
    (l) => peopleIds.has(l.fromContactId) && peopleIds.has(l.toContactId),
  );
  return { organisations: orgs, contacts: people, links };
}

export function contactsSummary(sqlite: Database.Database, today: string, staleDays: number): { contacts: number; organisations: number; sensitive: number; stale: number } {
  const row = sqlite
    .prepare(
      `SELECT count(*) AS contacts, coalesce(sum(c.sensitive), 0) AS sensitive,
        coalesce(sum(CASE WHEN c.last_contact_date IS NULL OR ${daysSinceSql(today)} >= ? THEN 1 ELSE 0 END), 0) AS stale
       FROM contacts c`,
    )
    .get(staleDays) as { contacts: number; sensitive: number; stale: number };
  const orgs = (sqlite.prepare('SELECT count(*) AS n FROM organisations').get() as { n: number }).n;
  return { contacts: row.contacts, organisations: orgs, sensitive: row.sensitive, stale: row.stale };
}
