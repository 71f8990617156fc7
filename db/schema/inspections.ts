import { blob, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { premises } from './premises';

const ANSWER_TYPES = ['check', 'number', 'text', 'date', 'photo'] as const;

/** A template version; versions of one template share `family_id`. Editing writes a new version. */
export const inspectionTemplates = sqliteTable(
  'inspection_templates',
  {
    id: text('id').primaryKey(),
    familyId: text('family_id').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    presetKey: text('preset_key'),
    premisesType: text('premises_type'),
    passThreshold: real('pass_threshold').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('inspection_templates_family_version').on(t.familyId, t.version)],
);

export const inspectionTemplateItems = sqliteTable(
  'inspection_template_items',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id')
      .notNull()
      .references(() => inspectionTemplates.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemKey: text('item_key').notNull(),
    presetKey: text('preset_key'),
    section: text('section').notNull(),
    label: text('label').notNull(),
    answerType: text('answer_type', { enum: ANSWER_TYPES }).notNull(),
    weight: integer('weight').notNull(),
    critical: integer('critical', { mode: 'boolean' }).notNull(),
    required: integer('required', { mode: 'boolean' }).notNull(),
    /** A photo must be attached whatever the answer (evidence); added after the first release, hence the default. */
    photoRequired: integer('photo_required', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('inspection_template_items_template').on(t.templateId, t.position)],
);

export const inspections = sqliteTable(
  'inspections',
  {
    id: text('id').primaryKey(),
    premisesId: text('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'restrict' }),
    templateId: text('template_id')
      .notNull()
      .references(() => inspectionTemplates.id, { onDelete: 'restrict' }),
    passThreshold: real('pass_threshold').notNull(),
    inspector: text('inspector').notNull(),
    inspectedOn: text('inspected_on').notNull(),
    status: text('status', { enum: ['draft', 'finished'] }).notNull(),
    score: real('score'),
    passed: integer('passed', { mode: 'boolean' }),
    notes: text('notes').notNull().default(''),
    finishedAt: text('finished_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('inspections_premises').on(t.premisesId, t.inspectedOn)],
);

/** The template's items copied at start, with their answers: a later template edit never reaches them. */
export const inspectionItems = sqliteTable(
  'inspection_items',
  {
    id: text('id').primaryKey(),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    itemKey: text('item_key').notNull(),
    presetKey: text('preset_key'),
    section: text('section').notNull(),
    label: text('label').notNull(),
    answerType: text('answer_type', { enum: ANSWER_TYPES }).notNull(),
    weight: integer('weight').notNull(),
    critical: integer('critical', { mode: 'boolean' }).notNull(),
    required: integer('required', { mode: 'boolean' }).notNull(),
    photoRequired: integer('photo_required', { mode: 'boolean' }).notNull().default(false),
    value: text('value'),
    note: text('note').notNull().default(''),
    answeredAt: text('answered_at'),
  },
  (t) => [index('inspection_items_inspection').on(t.inspectionId, t.position)],
);

/** Photos live inside the encrypted database, never as loose files. */
export const inspectionPhotos = sqliteTable(
  'inspection_photos',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => inspectionItems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('inspection_photos_item').on(t.itemId)],
);

export const correctiveActions = sqliteTable(
  'corrective_actions',
  {
    id: text('id').primaryKey(),
    inspectionId: text('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    itemId: text('item_id')
      .notNull()
      .references(() => inspectionItems.id, { onDelete: 'cascade' }),
    premisesId: text('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    dueDate: text('due_date'),
    status: text('status', { enum: ['open', 'done'] }).notNull(),
    closingNote: text('closing_note').notNull().default(''),
    closedAt: text('closed_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('corrective_actions_status').on(t.status, t.dueDate), uniqueIndex('corrective_actions_item').on(t.itemId)],
);

export const equipment = sqliteTable(
  'equipment',
  {
    id: text('id').primaryKey(),
    premisesId: text('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'restrict' }),
    kind: text('kind', {
      enum: ['fire_extinguisher', 'first_aid_kit', 'smoke_detector', 'satellite_phone', 'radio', 'generator', 'other'],
    }).notNull(),
    type: text('type').notNull().default(''),
    capacity: text('capacity').notNull().default(''),
    location: text('location').notNull().default(''),
    purchaseDate: text('purchase_date'),
    lastCheck: text('last_check'),
    expiryDate: text('expiry_date'),
    nextCheck: text('next_check'),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('equipment_premises').on(t.premisesId), index('equipment_expiry').on(t.expiryDate)],
);
