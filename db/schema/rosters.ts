import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { premises } from './premises';

const ROSTER_ROLES = ['guard', 'driver', 'radio'] as const;

/** Guards, drivers and radio operators: contracted staff kept apart from the people-in-country list. */
export const rosterStaff = sqliteTable(
  'roster_staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ROSTER_ROLES }).notNull(),
    phone: text('phone').notNull().default(''),
    employer: text('employer').notNull().default(''),
    startDate: text('start_date'),
    training: text('training').notNull().default(''),
    languages: text('languages').notNull().default(''),
    status: text('status', { enum: ['active', 'inactive'] }).notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('roster_staff_name').on(t.name)],
);

export const rosterLeave = sqliteTable(
  'roster_leave',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => rosterStaff.id, { onDelete: 'cascade' }),
    fromDay: text('from_day').notNull(),
    toDay: text('to_day').notNull(),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('roster_leave_staff').on(t.staffId)],
);

export const rosterPosts = sqliteTable(
  'roster_posts',
  {
    id: text('id').primaryKey(),
    premisesId: text('premises_id')
      .notNull()
      .references(() => premises.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** Short code printed in the month grid and the XLSX overview, e.g. "OFG". */
    code: text('code').notNull(),
    role: text('role', { enum: ROSTER_ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('roster_posts_premises').on(t.premisesId)],
);

export const rosterShifts = sqliteTable(
  'roster_shifts',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => rosterPosts.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    needed: integer('needed').notNull(),
  },
  (t) => [index('roster_shifts_post').on(t.postId, t.position)],
);

/** One row (id 1): the rules the checker and the generator apply. */
export const rosterRules = sqliteTable('roster_rules', {
  id: integer('id').primaryKey(),
  maxShiftsPerWeek: integer('max_shifts_per_week').notNull(),
  minRestHours: integer('min_rest_hours').notNull(),
  noDayAfterNight: integer('no_day_after_night', { mode: 'boolean' }).notNull(),
  daysOffPerMonth: integer('days_off_per_month').notNull(),
  fairness: integer('fairness', { mode: 'boolean' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const rosterAssignments = sqliteTable(
  'roster_assignments',
  {
    id: text('id').primaryKey(),
    month: text('month').notNull(),
    day: text('day').notNull(),
    staffId: text('staff_id')
      .notNull()
      .references(() => rosterStaff.id, { onDelete: 'restrict' }),
    postId: text('post_id')
      .notNull()
      .references(() => rosterPosts.id, { onDelete: 'restrict' }),
    shiftId: text('shift_id')
      .notNull()
      .references(() => rosterShifts.id, { onDelete: 'restrict' }),
    /** Placed or changed by hand: kept when the month is generated again with "keep hand edits". */
    manual: integer('manual', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('roster_assignments_month').on(t.month, t.day),
    index('roster_assignments_staff').on(t.staffId, t.day),
    uniqueIndex('roster_assignments_cell').on(t.day, t.staffId, t.postId, t.shiftId),
  ],
);

export const rosterPresence = sqliteTable(
  'roster_presence',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(),
    postId: text('post_id')
      .notNull()
      .references(() => rosterPosts.id, { onDelete: 'cascade' }),
    shiftId: text('shift_id')
      .notNull()
      .references(() => rosterShifts.id, { onDelete: 'cascade' }),
    /** The person expected on the shift (null for a check of a post with nobody rostered). */
    staffId: text('staff_id').references(() => rosterStaff.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['present', 'absent', 'late', 'asleep', 'replaced'] }).notNull(),
    replacedById: text('replaced_by_id').references(() => rosterStaff.id, { onDelete: 'set null' }),
    replacedByName: text('replaced_by_name').notNull().default(''),
    checkedBy: text('checked_by').notNull(),
    checkedAt: text('checked_at').notNull(),
    note: text('note').notNull().default(''),
    adHoc: integer('ad_hoc', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('roster_presence_day').on(t.day, t.postId, t.shiftId), index('roster_presence_staff').on(t.staffId, t.day)],
);

/** Monthly performance feedback; every entry is a new row so the history is kept. */
export const rosterFeedback = sqliteTable(
  'roster_feedback',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => rosterStaff.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    rating: integer('rating').notNull(),
    note: text('note').notNull().default(''),
    by: text('by').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('roster_feedback_staff').on(t.staffId, t.month)],
);
