import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { msrItems } from './msr';

/** Security plans (the six MSR documents and any other): the register row, never the file bytes. */
export const plans = sqliteTable(
  'plans',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['riskRegister', 'securityRegulations', 'medicalEvacuation', 'relocation', 'welcomeBrief', 'criticalIncident', 'other'],
    }).notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    approvedBy: text('approved_by').notNull().default(''),
    approvedOn: text('approved_on'),
    reviewDue: text('review_due').notNull(),
    testedOn: text('tested_on'),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('plans_review_due_idx').on(t.reviewDue)],
);

/** Each uploaded version of a plan, the file kept as a BLOB inside the encrypted database. */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: text('uploaded_at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('plan_versions_plan_version_idx').on(t.planId, t.version)],
);

/** The MSR items a plan satisfies (e.g. "a relocation plan exists and is tested"). */
export const msrItemPlans = sqliteTable(
  'msr_item_plans',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => msrItems.id, { onDelete: 'cascade' }),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.planId] }), index('msr_item_plans_plan_idx').on(t.planId)],
);
