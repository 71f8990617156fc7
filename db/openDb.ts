import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;
export interface Db {
  sqlite: Database.Database;
  orm: Orm;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
export const DATA_KEY_BYTES = 32;

export class DbOpenError extends Error {
  readonly reason: 'NOT_A_DATABASE' | 'MIGRATION_FAILED' | 'IO';
  constructor(reason: DbOpenError['reason'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DbOpenError';
    this.reason = reason;
  }
}

export interface OpenDbOptions {
  /** Raw 32-byte data key; ':memory:' databases in tests may pass null to stay unencrypted. */
  key: Buffer | null;
  readonly?: boolean;
  migrationsDir?: string;
}

/**
 * Opens a vault database: cipher and key first (SQLCipher 4 compatible, raw key so the passphrase never
 * reaches SQLite), then the pragmas, then the committed migrations. All pragmas live here and nowhere else.
 */
export function openDb(file: string, options: OpenDbOptions): Db {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new DbOpenError('IO', `cannot open the database file: ${(cause as Error).message}`, { cause });
  }
  try {
    if (options.key) applyKey(sqlite, options.key);
    // The first real read fails with SQLITE_NOTADB when the key is wrong or the file is not a vault.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (cause) {
    sqlite.close();
    const disk = diskProblem(cause);
    if (disk) throw new DbOpenError('IO', disk, { cause });
    throw new DbOpenError('NOT_A_DATABASE', 'the database cannot be read with this key', { cause });
  }
  try {
    applyPragmas(sqlite, options.readonly ?? false);
    const orm = drizzle(sqlite, { schema });
    if (!options.readonly) migrate(orm, { migrationsFolder: options.migrationsDir ?? MIGRATIONS_DIR });
    return { sqlite, orm };
  } catch (cause) {
    sqlite.close();
    const disk = diskProblem(cause);
    if (disk) throw new DbOpenError('IO', disk, { cause });
    throw new DbOpenError('MIGRATION_FAILED', `the database could not be brought up to date: ${(cause as Error).message}`, {
      cause,
    });
  }
}

/**
 * SQLite's codes for a disk that refuses the file (read-only USB stick, no permission, full, failing), as
 * a plain reason; null for anything else. Only SQLITE_NOTADB means "wrong key or not a vault": telling an
 * officer their vault is damaged when the disk is merely read-only would be a frightening lie.
 */
function diskProblem(cause: unknown): string | null {
  const code = String((cause as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return 'the disk is read-only or the vault files cannot be written (permission denied)';
  }
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk reported a read or write error';
  return null;
}

function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma("cipher='sqlcipher'");
  sqlite.pragma('legacy=4');
  // Raw key in SQLCipher's x'..' form: no KDF inside SQLite, the vault header did the stretching.
  sqlite.pragma(`key="x'${key.toString('hex')}'"`);
}

function applyPragmas(sqlite: Database.Database, readonly: boolean): void {
  if (!readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: a save the officer saw succeed survives a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted first: keep up to 64 MiB of decrypted pages so paging and
  // filtering a 100,000-row grid does not decrypt the same pages again for each block.
  sqlite.pragma('cache_size = -65536');
}
