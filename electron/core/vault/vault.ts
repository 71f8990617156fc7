import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import { DbOpenError, openDb, type Db } from '../../../db/openDb';
import { deriveKey, newKdfParams, type KdfParams } from './kdf';
import { unwrapKey, wrapKey } from './keyWrap';
import { HeaderError, readHeader, writeHeader, type VaultHeader } from './header';

export const VAULT_HEADER_FILE = 'vault.json';
export const VAULT_DB_FILE = 'vault.db';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultOptions {
  dataDir: string;
  migrationsDir?: string;
  /** Tests only: cheaper scrypt so hundreds of vaults can be made in a run. Never set by an adapter. */
  weakKdfForTests?: boolean;
  now: () => Date;
}

/**
 * Owns the vault files and the only copy of the data key (in this process's memory, while unlocked).
 * The database is opened with the data key; the passphrase only ever unwraps that key.
 */
export class Vault {
  private db: Db | null = null;
  private dataKey: Buffer | null = null;
  readonly headerPath: string;
  readonly dbPath: string;

  constructor(private readonly options: VaultOptions) {
    this.headerPath = path.join(options.dataDir, VAULT_HEADER_FILE);
    this.dbPath = path.join(options.dataDir, VAULT_DB_FILE);
  }

  state(): VaultState {
    if (this.db) return 'unlocked';
    return fs.existsSync(this.headerPath) || fs.existsSync(this.dbPath) ? 'locked' : 'absent';
  }

  /** The open database; LOCKED when the vault is not unlocked. */
  get database(): Db {
    if (!this.db) throw new AppError('LOCKED', 'The vault is locked.');
    return this.db;
  }

  /**
   * Creates the vault in a staging folder and moves it into place only once it is complete, so an
   * interruption never leaves a half-made vault under the real names. `initialise` fills settings (and
   * demo data) inside the staging database.
   */
  async create(passphrase: string, initialise: (db: Db) => void): Promise<void> {
    if (this.state() !== 'absent') {
      throw new AppError('CONFLICT', `A vault already exists in ${this.options.dataDir}. Nothing was changed.`);
    }
    const dataDir = this.options.dataDir;
    try {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      fs.accessSync(dataDir, fs.constants.W_OK);
    } catch (error) {
      throw ioError(`The data folder ${dataDir} cannot be written`, error);
    }
    const kdf: KdfParams = newKdfParams(this.options.weakKdfForTests ? { N: 2 ** 10 } : {});
    const kek = await deriveKey(passphrase, kdf);
    const dataKey = randomBytes(32);
    const header: VaultHeader = {
      format: 'vigil-vault',
      version: 1,
      kdf,
      wrappedKey: wrapKey(dataKey, kek),
      createdAt: this.options.now().toISOString(),
    } as VaultHeader;
    kek.fill(0);

    const staging = fs.mkdtempSync(path.join(dataDir, '.creating-'));
    try {
      const stagedDb = path.join(staging, VAULT_DB_FILE);
      const db = openDb(stagedDb, { key: dataKey, migrationsDir: this.options.migrationsDir });
      try {
        initialise(db);
        // Fold the WAL into the main file so the single file we move is the whole database.
        db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.sqlite.close();
      }
      writeHeader(path.join(staging, VAULT_HEADER_FILE), header);
      // Owner-only, like the folder: SQLite gives its -wal and -shm files the database file's mode.
      fs.chmodSync(stagedDb, 0o600);
      fs.renameSync(stagedDb, this.dbPath);
      // The header goes last: a vault exists for the app once its header does.
      fs.renameSync(path.join(staging, VAULT_HEADER_FILE), this.headerPath);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw ioError('The vault could not be created', error);
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
    }
    this.open(dataKey);
  }

  async unlock(passphrase: string): Promise<void> {
    if (this.db) return;
    if (!fs.existsSync(this.headerPath)) {
      throw new AppError(
        'IO',
        `The vault header (${VAULT_HEADER_FILE}) is missing from ${this.options.dataDir}: the vault cannot be opened. Nothing was changed.`,
      );
    }
    let header: VaultHeader;
    try {
      header = readHeader(this.headerPath, this.options.weakKdfForTests);
    } catch (error) {
      if (error instanceof HeaderError) throw new AppError('IO', `${capitalise(error.message)}. Nothing was changed.`);
      throw error;
    }
    const kek = await deriveKey(passphrase, header.kdf);
    const dataKey = unwrapKey(header.wrappedKey, kek);
    kek.fill(0);
    if (!dataKey) throw new AppError('LOCKED', 'Wrong passphrase. The vault stays locked.');
    this.open(dataKey);
  }

  lock(): void {
    if (this.db) {
      try {
        this.db.sqlite.close();
      } finally {
        this.db = null;
      }
    }
    this.dataKey?.fill(0);
    this.dataKey = null;
  }

  private open(dataKey: Buffer): void {
    if (!fs.existsSync(this.dbPath)) {
      dataKey.fill(0);
      throw new AppError('IO', `The vault database (${VAULT_DB_FILE}) is missing from ${this.options.dataDir}.`);
    }
    try {
      this.db = openDb(this.dbPath, { key: dataKey, migrationsDir: this.options.migrationsDir });
      this.dataKey = dataKey;
    } catch (error) {
      dataKey.fill(0);
      if (error instanceof DbOpenError && error.reason === 'NOT_A_DATABASE') {
        throw new AppError('IO', 'The vault database is damaged or is not a Vigil database. Nothing was changed.');
      }
      if (error instanceof DbOpenError && error.reason === 'MIGRATION_FAILED') {
        throw new AppError(
          'INTERNAL',
          `The vault could not be updated to this version of Vigil, so it was not opened. Your data is unchanged. (${error.message})`,
        );
      }
      throw ioError('The vault database cannot be opened', error);
    }
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ioError(what: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'permission denied or read-only'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'ENOTDIR' || code === 'EEXIST'
          ? 'the path is not a folder'
          : code === 'ENOENT'
            ? 'the folder does not exist'
            : ((error as Error)?.message ?? 'unknown error');
  return new AppError('IO', `${what}: ${reason}. Nothing was changed.`);
}
