import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { people } from './people';

export const vehicles = sqliteTable('vehicles', {
  id: text('id').primaryKey(),
  plate: text('plate').notNull(),
  type: text('type').notNull().default(''),
  armoured: integer('armoured', { mode: 'boolean' }).notNull().default(false),
  tracker: integer('tracker', { mode: 'boolean' }).notNull().default(false),
  callSign: text('call_sign').notNull().default(''),
  status: text('status').notNull(),
  insuranceExpiry: text('insurance_expiry'),
  serviceExpiry: text('service_expiry'),
  notes: text('notes').notNull().default(''),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const movements = sqliteTable(
  'movements',
  {
    id: text('id').primaryKey(),
    state: text('state').notNull(),
    driverId: text('driver_id').references(() => people.id, { onDelete: 'set null' }),
    vehicleId: text('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    purpose: text('purpose').notNull(),
    fromPlace: text('from_place').notNull(),
    toPlace: text('to_place').notNull(),
    /** JSON array of { name, latitude, longitude }. */
    waypoints: text('waypoints').notNull().default('[]'),
    departureAt: text('departure_at').notNull(),
    expectedArrivalAt: text('expected_arrival_at'),
    expectedReturnAt: text('expected_return_at').notNull(),
    /** JSON array of UTC instants. */
    plannedCheckIns: text('planned_check_ins').notNull().default('[]'),
    communication: text('communication').notNull().default(''),
    callSigns: text('call_signs').notNull().default(''),
    riskNotes: text('risk_notes').notNull().default(''),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    conditions: text('conditions').notNull().default(''),
    refusalReason: text('refusal_reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('movements_departure_idx').on(t.departureAt), index('movements_state_idx').on(t.state)],
);

export const movementTravellers = sqliteTable(
  'movement_travellers',
  {
    movementId: text('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.movementId, t.personId] }), index('movement_travellers_person_idx').on(t.personId)],
);

export const movementCheckIns = sqliteTable(
  'movement_check_ins',
  {
    id: text('id').primaryKey(),
    movementId: text('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    place: text('place').notNull().default(''),
    by: text('by').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('movement_check_ins_movement_idx').on(t.movementId)],
);

export const movementAcknowledgements = sqliteTable(
  'movement_acknowledgements',
  {
    id: text('id').primaryKey(),
    movementId: text('movement_id')
      .notNull()
      .references(() => movements.id, { onDelete: 'cascade' }),
    /** The deadline (planned check-in or return) whose alarm this silences. */
    dueAt: text('due_at').notNull(),
    at: text('at').notNull(),
    by: text('by').notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('movement_acks_movement_idx').on(t.movementId)],
);

/** One row (id = 1): module settings. */
export const movementSettings = sqliteTable('movement_settings', {
  id: integer('id').primaryKey(),
  overdueMarginMinutes: integer('overdue_margin_minutes').notNull().default(30),
});
