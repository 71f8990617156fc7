import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const areas = sqliteTable(
  'areas',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id').references((): AnySQLiteColumn => areas.id, { onDelete: 'restrict' }),
    level: text('level', { enum: ['country', 'province', 'district', 'city'] }).notNull(),
    name: text('name').notNull(),
    notes: text('notes').notNull().default(''),
    externalId: text('external_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('areas_parent_idx').on(t.parentId)],
);

/** Every declaration is kept: the history is the record of who declared what, when and why. */
export const phaseDeclarations = sqliteTable(
  'phase_declarations',
  {
    id: text('id').primaryKey(),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
    scale: text('scale', { enum: ['ifrc', 'un'] }).notNull(),
    level: integer('level').notNull(),
    reason: text('reason').notNull(),
    declaredAt: text('declared_at').notNull(),
    declaredBy: text('declared_by').notNull(),
  },
  (t) => [index('phase_declarations_area_idx').on(t.areaId, t.declaredAt)],
);
