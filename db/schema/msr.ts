import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { measures } from './risks';

/** The MSR checklist: the IFRC preset items (seeded on first use) and the organisation's own ones. */
export const msrItems = sqliteTable(
  'msr_items',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    part: integer('part').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    origin: text('origin', { enum: ['preset', 'custom'] }).notNull(),
    status: text('status', { enum: ['notAssessed', 'compliant', 'partial', 'nonCompliant', 'notApplicable'] }).notNull(),
    evidenceNote: text('evidence_note').notNull().default(''),
    evidenceDate: text('evidence_date'),
    responsible: text('responsible').notNull().default(''),
    dueDate: text('due_date'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('msr_items_code_idx').on(t.code), index('msr_items_part_idx').on(t.part)],
);

/** One evidence file per item, apart from the item row so the checklist query never reads the bytes. */
export const msrEvidenceFiles = sqliteTable('msr_evidence_files', {
  itemId: text('item_id')
    .primaryKey()
    .references(() => msrItems.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  addedAt: text('added_at').notNull(),
});

/** MSR items are met by mitigation measures of the risk register: many-to-many. */
export const msrItemMeasures = sqliteTable(
  'msr_item_measures',
  {
    itemId: text('item_id')
      .notNull()
      .references(() => msrItems.id, { onDelete: 'cascade' }),
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.measureId] }), index('msr_item_measures_measure_idx').on(t.measureId)],
);

/** An assessment: the checklist as it stood on a date, kept so the next one can be compared with it. */
export const msrSnapshots = sqliteTable(
  'msr_snapshots',
  {
    id: text('id').primaryKey(),
    takenAt: text('taken_at').notNull(),
    actor: text('actor').notNull(),
    note: text('note').notNull().default(''),
    overall: real('overall'),
  },
  (t) => [index('msr_snapshots_taken_idx').on(t.takenAt)],
);

/** The items of a snapshot, copied (code, title, part) so deleting or renaming an item later keeps history true. */
export const msrSnapshotItems = sqliteTable(
  'msr_snapshot_items',
  {
    snapshotId: text('snapshot_id')
      .notNull()
      .references(() => msrSnapshots.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    code: text('code').notNull(),
    part: integer('part').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.itemId] })],
);

/** Module flags (whether the preset was seeded), so deleting every item does not bring the preset back. */
export const msrMeta = sqliteTable('msr_meta', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
