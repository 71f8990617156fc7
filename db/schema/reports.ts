import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The situation summary an officer writes in the app for one report period (weekly or quarterly). */
export const reportSummaries = sqliteTable(
  'report_summaries',
  {
    kind: text('kind', { enum: ['weekly', 'quarterly'] }).notNull(),
    period: text('period').notNull(),
    text: text('text').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.kind, t.period] })],
);

/** Sections switched off, per report kind (JSON array of section ids): the choice is kept between reports. */
export const reportPreferences = sqliteTable('report_preferences', {
  kind: text('kind', { enum: ['weekly', 'quarterly'] }).primaryKey(),
  disabledSections: text('disabled_sections').notNull().default('[]'),
  updatedAt: text('updated_at').notNull(),
});
