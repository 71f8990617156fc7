import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { areas } from './areas';

export const premises = sqliteTable(
  'premises',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    type: text('type', { enum: ['office', 'residence', 'warehouse', 'guest_house', 'other'] }).notNull(),
    areaId: text('area_id').references(() => areas.id, { onDelete: 'restrict' }),
    address: text('address').notNull().default(''),
    latitude: real('latitude'),
    longitude: real('longitude'),
    focalPoint: text('focal_point').notNull().default(''),
    safeRoom: integer('safe_room', { mode: 'boolean' }).notNull().default(false),
    safeRoomNotes: text('safe_room_notes').notNull().default(''),
    notes: text('notes').notNull().default(''),
    externalId: text('external_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('premises_area_idx').on(t.areaId), index('premises_name_idx').on(t.name)],
);
