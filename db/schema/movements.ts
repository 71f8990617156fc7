import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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

/** Who may drive a vehicle (people from the personnel list). */
export const vehicleDrivers = sqliteTable(
  'vehicle_drivers',
  {
    vehicleId: text('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.vehicleId, t.personId] }), index('vehicle_drivers_person_idx').on(t.personId)],
);

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

/**
 * Daily radio roll-call: one row per call sign answered (or not) at one set time of one local day.
 * `day` is the delegation-time-zone date, `slot` the set time (HH:MM) it belongs to.
 */
export const radioChecks = sqliteTable(
  'radio_checks',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(),
    slot: text('slot').notNull(),
    callSign: text('call_sign').notNull(),
    status: text('status', { enum: ['present', 'no_answer', 'relayed'] }).notNull(),
    relayedBy: text('relayed_by').notNull().default(''),
    note: text('note').notNull().default(''),
    checkedAt: text('checked_at').notNull(),
    checkedBy: text('checked_by').notNull(),
  },
  (t) => [uniqueIndex('radio_checks_slot_idx').on(t.day, t.slot, t.callSign)],
);
