import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key/value settings; values are JSON so a new setting needs no migration. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
