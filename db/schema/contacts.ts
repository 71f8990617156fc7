import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { areas } from './areas';

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', {
      enum: ['icrc', 'national_society', 'undss', 'inso', 'ingo', 'nngo', 'authority', 'police', 'military', 'embassy', 'community', 'vendor', 'other'],
    }).notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'restrict' }),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('organisations_name_idx').on(t.name), index('organisations_area_idx').on(t.areaId)],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    role: text('role').notNull().default(''),
    /** JSON array of { label, number }. */
    phones: text('phones').notNull().default('[]'),
    callSign: text('call_sign').notNull().default(''),
    email: text('email').notNull().default(''),
    /** JSON array of { service, handle }. */
    messaging: text('messaging').notNull().default('[]'),
    address: text('address').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    languages: text('languages').notNull().default(''),
    relationshipOwner: text('relationship_owner').notNull().default(''),
    trustNote: text('trust_note').notNull().default(''),
    /** YYYY-MM-DD; kept at the latest interaction's date. */
    lastContactDate: text('last_contact_date'),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    notes: text('notes').notNull().default(''),
    externalId: text('external_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('contacts_name_idx').on(t.name),
    index('contacts_organisation_idx').on(t.organisationId),
    index('contacts_last_contact_idx').on(t.lastContactDate),
    index('contacts_external_idx').on(t.externalId),
  ],
);

export const interactions = sqliteTable(
  'interactions',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    byWhom: text('by_whom').notNull().default(''),
    kind: text('kind', { enum: ['meeting', 'call', 'message'] }).notNull(),
    subject: text('subject').notNull(),
    notes: text('notes').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('interactions_contact_idx').on(t.contactId, t.date), index('interactions_organisation_idx').on(t.organisationId, t.date)],
);

export const contactLinks = sqliteTable(
  'contact_links',
  {
    id: text('id').primaryKey(),
    fromContactId: text('from_contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    toContactId: text('to_contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    relation: text('relation').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('contact_links_pair_idx').on(t.fromContactId, t.toContactId), index('contact_links_to_idx').on(t.toContactId)],
);
