import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { areas } from './areas';

const count = (name: string) => integer(name);

/**
 * Incidents. `date` is a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a UTC instant); `date_start` and
 * `date_end` are the first and last day it covers, so a period filter is an indexed overlap test and a
 * partial date counts in every period it overlaps. The full-text index and its triggers live in a custom
 * migration (drizzle-kit cannot express FTS5).
 */
export const incidents = sqliteTable(
  'incidents',
  {
    id: text('id').primaryKey(),
    date: text('date').notNull(),
    datePrecision: text('date_precision', { enum: ['year', 'month', 'day', 'time'] }).notNull(),
    dateStart: text('date_start').notNull(),
    dateEnd: text('date_end').notNull(),
    country: text('country').notNull().default(''),
    adminArea: text('admin_area').notNull().default(''),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'set null' }),
    placeName: text('place_name').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    locationPrecision: text('location_precision', { enum: ['exact', 'km5', 'km25', 'admin', 'country'] }),
    category: text('category').notNull().default(''),
    subCategory: text('sub_category').notNull().default(''),
    organisationAffected: text('organisation_affected').notNull().default(''),
    perpetratorType: text('perpetrator_type').notNull().default(''),
    perpetratorName: text('perpetrator_name').notNull().default(''),
    weapon: text('weapon').notNull().default(''),
    killed: count('killed'),
    killedNational: count('killed_national'),
    killedInternational: count('killed_international'),
    injured: count('injured'),
    injuredNational: count('injured_national'),
    injuredInternational: count('injured_international'),
    kidnapped: count('kidnapped'),
    kidnappedNational: count('kidnapped_national'),
    kidnappedInternational: count('kidnapped_international'),
    arrested: count('arrested'),
    arrestedNational: count('arrested_national'),
    arrestedInternational: count('arrested_international'),
    nearMiss: integer('near_miss', { mode: 'boolean' }).notNull().default(false),
    severity: text('severity', { enum: ['low', 'moderate', 'high', 'critical'] }),
    narrative: text('narrative').notNull().default(''),
    actionsTaken: text('actions_taken').notNull().default(''),
    followUp: text('follow_up').notNull().default(''),
    confidentiality: text('confidentiality', { enum: ['normal', 'restricted'] }).notNull().default('normal'),
    externalId: text('external_id'),
    source: text('source'),
    needsReview: integer('needs_review', { mode: 'boolean' }).notNull().default(false),
    /** When each report was made (UTC); deadlines count from created_at, the moment it was recorded. */
    managerReportedAt: text('manager_reported_at'),
    regionalReportedAt: text('regional_reported_at'),
    writtenReportedAt: text('written_reported_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('incidents_date_idx').on(t.dateStart, t.dateEnd),
    index('incidents_date_sort_idx').on(t.date, t.id),
    index('incidents_category_idx').on(t.category),
    index('incidents_severity_idx').on(t.severity),
    index('incidents_area_idx').on(t.areaId),
    index('incidents_country_idx').on(t.country),
    index('incidents_org_idx').on(t.organisationAffected),
    uniqueIndex('incidents_external_idx').on(t.source, t.externalId).where(sql`external_id IS NOT NULL`),
  ],
);

/** Saved column mappings per source, so the next file from the same source imports in one step. */
export const importPresets = sqliteTable(
  'import_presets',
  {
    id: text('id').primaryKey(),
    module: text('module').notNull(),
    name: text('name').notNull(),
    mapping: text('mapping', { mode: 'json' }).notNull(),
    dateOrder: text('date_order'),
    sheet: text('sheet'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_presets_name_idx').on(t.module, t.name)],
);

/** Files attached to an incident live inside the encrypted database, never as loose files. */
export const incidentAttachments = sqliteTable(
  'incident_attachments',
  {
    id: text('id').primaryKey(),
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [index('incident_attachments_incident_idx').on(t.incidentId)],
);
