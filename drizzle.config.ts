import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by drizzle-orm's migrate() at vault open,
// because drizzle-kit cannot open an encrypted database.
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
