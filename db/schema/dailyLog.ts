import { index, sqliteTable, text, real, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { areas } from './areas';
import { incidents } from './incidents';

/**
 * The daily security log: what the officer heard or read, graded with the admiralty code. Only the UTC
 * instant `occurred_at` is stored; a day's list is the range between that day's bounds in the delegation
 * time zone, so changing the zone never leaves a stale day behind. The unique index makes "at most one
 * incident per entry" a database rule.
 */
export const dailyLogEntries = sqliteTable(
  'daily_log_entries',
  {
    id: text('id').primaryKey(),
    occurredAt: text('occurred_at').notNull(),
    source: text('source').notNull().default(''),
    sourceType: text('source_type', { enum: ['media', 'partner', 'insoUndss', 'authority', 'staff', 'socialMedia', 'other'] }).notNull(),
    reliability: text('reliability', { enum: ['A', 'B', 'C', 'D', 'E', 'F'] }).notNull(),
    credibility: text('credibility', { enum: ['1', '2', '3', '4', '5', '6'] }).notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'set null' }),
    placeName: text('place_name').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    summary: text('summary').notNull(),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    followUp: text('follow_up').notNull().default(''),
    promotedIncidentId: text('promoted_incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('daily_log_occurred_idx').on(t.occurredAt),
    uniqueIndex('daily_log_incident_idx').on(t.promotedIncidentId).where(sql`promoted_incident_id IS NOT NULL`),
  ],
);
