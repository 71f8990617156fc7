import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { areas } from './areas';
import { premises } from './premises';

const step = (column: string) => sql.raw(`${column} BETWEEN 1 AND 5`);

/**
 * The security risk register. Levels (1 low ... 5 unacceptable) are stored, computed with the vault's
 * matrix at write time, so changing the matrix is a visible, reviewed event rather than a silent shift.
 */
export const risks = sqliteTable(
  'risks',
  {
    id: text('id').primaryKey(),
    seq: integer('seq').notNull(),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    threat: text('threat').notNull().default(''),
    cause: text('cause').notNull().default(''),
    consequence: text('consequence').notNull().default(''),
    category: text('category').notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'restrict' }),
    premisesId: text('premises_id').references(() => premises.id, { onDelete: 'restrict' }),
    programme: text('programme').notNull().default(''),
    exposed: text('exposed', { mode: 'json' }).notNull().$type<string[]>(),
    inherentLikelihood: integer('inherent_likelihood').notNull(),
    inherentImpact: integer('inherent_impact').notNull(),
    inherentLevel: integer('inherent_level').notNull(),
    residualLikelihood: integer('residual_likelihood').notNull(),
    residualImpact: integer('residual_impact').notNull(),
    residualLevel: integer('residual_level').notNull(),
    owner: text('owner').notNull().default(''),
    status: text('status', { enum: ['open', 'mitigated', 'accepted', 'closed'] }).notNull(),
    acceptedBy: text('accepted_by').notNull().default(''),
    acceptedOn: text('accepted_on'),
    acceptanceValidUntil: text('acceptance_valid_until'),
    nextReview: text('next_review').notNull(),
    notes: text('notes').notNull().default(''),
    externalId: text('external_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('risks_reference_idx').on(t.reference),
    index('risks_next_review_idx').on(t.nextReview),
    index('risks_category_idx').on(t.category),
    check('risks_inherent_l', step('inherent_likelihood')),
    check('risks_inherent_i', step('inherent_impact')),
    check('risks_residual_l', step('residual_likelihood')),
    check('risks_residual_i', step('residual_impact')),
    check('risks_inherent_level', step('inherent_level')),
    check('risks_residual_level', step('residual_level')),
  ],
);

export const measures = sqliteTable('measures', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  type: text('type', { enum: ['acceptance', 'protection', 'deterrence'] }).notNull(),
  owner: text('owner').notNull().default(''),
  status: text('status', { enum: ['planned', 'inProgress', 'done', 'cancelled'] }).notNull(),
  dueDate: text('due_date'),
  costNote: text('cost_note').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** One measure often mitigates several risks: many-to-many. */
export const riskMeasureLinks = sqliteTable(
  'risk_measure_links',
  {
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.measureId] }), index('risk_measure_links_measure_idx').on(t.measureId)],
);

/** Every change to a risk, and every "reviewed, no change": the register's review history. */
export const riskReviews = sqliteTable(
  'risk_reviews',
  {
    id: text('id').primaryKey(),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    kind: text('kind').notNull(),
    changes: text('changes', { mode: 'json' }).notNull().$type<Array<{ field: string; before: unknown; after: unknown }>>(),
    inherentLevelBefore: integer('inherent_level_before'),
    inherentLevelAfter: integer('inherent_level_after').notNull(),
    residualLevelBefore: integer('residual_level_before'),
    residualLevelAfter: integer('residual_level_after').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [index('risk_reviews_risk_idx').on(t.riskId, t.at), index('risk_reviews_at_idx').on(t.at)],
);

/** The register's own settings (matrix, categories, review interval), one JSON value per key. */
export const riskConfig = sqliteTable('risk_config', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/**
 * A risk's locations: any number of areas and premises (many-to-many). `risks.area_id` / `premises_id`
 * stay as the first of each, so older readers of the single-location columns keep working.
 */
export const riskAreas = sqliteTable(
  'risk_areas',
  {
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.areaId] }), index('risk_areas_area_idx').on(t.areaId)],
);

export const riskPremises = sqliteTable(
  'risk_premises',
  {
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    premisesId: text('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.premisesId] }), index('risk_premises_premises_idx').on(t.premisesId)],
);
