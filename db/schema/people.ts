import { type AnySQLiteColumn, index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { premises } from './premises';

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    dependantOfId: text('dependant_of_id').references((): AnySQLiteColumn => people.id, { onDelete: 'set null' }),
    organisation: text('organisation').notNull().default(''),
    position: text('position').notNull().default(''),
    /** JSON array of strings. */
    phones: text('phones').notNull().default('[]'),
    radioCallSign: text('radio_call_sign').notNull().default(''),
    nationality: text('nationality').notNull().default(''),
    passportExpiry: text('passport_expiry'),
    bloodGroup: text('blood_group'),
    emergencyContact: text('emergency_contact').notNull().default(''),
    residencePremisesId: text('residence_premises_id').references(() => premises.id, { onDelete: 'set null' }),
    residenceAddress: text('residence_address').notNull().default(''),
    residenceLatitude: real('residence_latitude'),
    residenceLongitude: real('residence_longitude'),
    arrivalAt: text('arrival_at'),
    departureAt: text('departure_at'),
    status: text('status').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('people_name_idx').on(t.name), index('people_status_idx').on(t.status)],
);

export const briefings = sqliteTable(
  'briefings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    by: text('by').notNull(),
    kind: text('kind').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [index('briefings_person_idx').on(t.personId)],
);

export const trainings = sqliteTable(
  'trainings',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    course: text('course').notNull(),
    courseOther: text('course_other').notNull().default(''),
    completedOn: text('completed_on').notNull(),
    expiresOn: text('expires_on'),
  },
  (t) => [index('trainings_person_idx').on(t.personId)],
);
