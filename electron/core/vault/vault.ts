import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import { DbOpenError, openDb, type Db } from '../../../db/openDb';
import { deriveKey, newKdfParams, type KdfParams } from './kdf';
import { unwrapKey, wrapKey } from './keyWrap';
import { HeaderError, readHeader, writeHeader, type VaultHeader } from './header';
import { clearLockout, LOCKOUT_FILE, readLockout, recordFailure, remainingWait, type LockoutState } from './lockout';
import { fsyncDir } from '../fs/atomicWrite';
import { auditHeadIsAuthentic, hashAt, readAuditHead, sealAuditHead } from '../audit/auditHead';

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
  /** The header as last read or written while unlocked (the audit head is rewritten after each commit). */
  private header: VaultHeader | null = null;
  /** Failures seen by this process, in case the lockout file cannot be written (read-only folder). */
  private memoryLockout: LockoutState | null = null;
  /** Passphrase checks run one at a time, so parallel guesses cannot all pass the lockout check. */
  private passphraseQueue: Promise<unknown> = Promise.resolve();
  readonly headerPath: string;
  readonly dbPath: string;
  readonly lockoutPath: string;

  constructor(private readonly options: VaultOptions) {
    this.headerPath = path.join(options.dataDir, VAULT_HEADER_FILE);
    this.dbPath = path.join(options.dataDir, VAULT_DB_FILE);
    this.lockoutPath = path.join(options.dataDir, LOCKOUT_FILE);
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.passphraseQueue.then(work, work);
    this.passphraseQueue = run.catch(() => undefined);
    return run;
  }

  /** Milliseconds before the next passphrase attempt is allowed; 0 when it is allowed now. */
  lockoutRemaining(): number {
    const now = this.options.now();
    return Math.max(remainingWait(readLockout(this.lockoutPath), now), remainingWait(this.memoryLockout, now));
  }

  private refuseDuringLockout(): void {
    const wait = this.lockoutRemaining();
    if (wait > 0) throw lockoutError(wait, this.options.now());
  }

  /** Counts a wrong passphrase and returns the wait it now imposes. */
  private countFailure(): number {
    const now = this.options.now();
    const previous = Math.max(readLockout(this.lockoutPath)?.failures ?? 0, this.memoryLockout?.failures ?? 0);
    this.memoryLockout = { failures: previous + 1, lastFailureAt: now.toISOString() };
    try {
      recordFailure(this.lockoutPath, now);
    } catch {
      // A read-only folder cannot hold the counter: this process still enforces it from memory.
    }
    return this.lockoutRemaining();
  }

  private resetLockout(): void {
    this.memoryLockout = null;
    try {
      clearLockout(this.lockoutPath);
    } catch {
      // Read-only folder: the stale counter only delays a later attempt; the vault is already open.
    }
  }

  private readHeaderOrFail(): VaultHeader {
    try {
      return readHeader(this.headerPath, this.options.weakKdfForTests);
    } catch (error) {
      if (error instanceof HeaderError) throw new AppError('IO', `${capitalise(error.message)}. Nothing was changed.`);
      throw error;
    }
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
        header.audit = sealAuditHead(dataKey, readAuditHead(db.sqlite));
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
    this.resetLockout();
    this.open(dataKey, header);
  }

  unlock(passphrase: string): Promise<void> {
    return this.serialised(async () => {
      if (this.db) return;
      if (!fs.existsSync(this.headerPath)) {
        throw new AppError(
          'IO',
          `The vault header (${VAULT_HEADER_FILE}) is missing from ${this.options.dataDir}: the vault cannot be opened. Nothing was changed.`,
        );
      }
      // Enforced here, in core, so the app, browser mode and the CLI all wait the same.
      this.refuseDuringLockout();
      const header = this.readHeaderOrFail();
      const kek = await deriveKey(passphrase, header.kdf);
      const dataKey = unwrapKey(header.wrappedKey, kek);
      kek.fill(0);
      if (!dataKey) {
        const wait = this.countFailure();
        if (wait > 0) throw lockoutError(wait, this.options.now(), 'Wrong passphrase. The vault stays locked.');
        throw new AppError('LOCKED', 'Wrong passphrase. The vault stays locked.');
      }
      this.resetLockout();
      this.open(dataKey, header);
    });
  }

  /**
   * Re-wraps the data key under a key derived from the new passphrase with a fresh salt. The database is
   * not touched: only the header changes, and it is replaced atomically (temp file, fsync, rename, fsync
   * of the folder), so whatever moment a crash comes, the header on disk is the old one or the new one.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.serialised(async () => {
      if (!this.dataKey || !this.header) throw new AppError('LOCKED', 'The vault is locked.');
      const wait = this.lockoutRemaining();
      if (wait > 0) {
        throw new AppError('VALIDATION', lockoutMessage(wait), {
          issues: [{ path: 'currentPassphrase', message: lockoutMessage(wait) }],
          retryAfterSeconds: Math.ceil(wait / 1000),
        });
      }
      const onDisk = this.readHeaderOrFail();
      const oldKek = await deriveKey(current, onDisk.kdf);
      const unwrapped = unwrapKey(onDisk.wrappedKey, oldKek);
      oldKek.fill(0);
      if (!unwrapped || !unwrapped.equals(this.dataKey)) {
        unwrapped?.fill(0);
        const after = this.countFailure();
        const message = after > 0 ? `The current passphrase is wrong. ${lockoutMessage(after)}` : 'The current passphrase is wrong.';
        throw new AppError('VALIDATION', message, { issues: [{ path: 'currentPassphrase', message }] });
      }
      unwrapped.fill(0);
      this.resetLockout();
      const kdf: KdfParams = newKdfParams(this.options.weakKdfForTests ? { N: 2 ** 10 } : { N: Math.max(onDisk.kdf.N, 2 ** 17), r: onDisk.kdf.r, p: onDisk.kdf.p });
      const newKek = await deriveKey(next, kdf);
      const header: VaultHeader = { ...this.header, kdf: kdf as VaultHeader['kdf'], wrappedKey: wrapKey(this.dataKey, newKek) };
      newKek.fill(0);
      try {
        writeHeader(this.headerPath, header);
      } catch (error) {
        // The rename may have happened before the failure (a failed read-back): say what is on disk.
        if (!this.headerOnDiskIs(header)) throw ioError('The new passphrase could not be saved; the old one still opens the vault', error);
      }
      this.header = header;
    });
  }

  private headerOnDiskIs(expected: VaultHeader): boolean {
    try {
      return readHeader(this.headerPath, this.options.weakKdfForTests).wrappedKey.ciphertext === expected.wrappedKey.ciphertext;
    } catch {
      return false;
    }
  }

  /**
   * Seals the audit trail's current head into the header; called after each committed transaction. A
   * failure here (full disk) is reported to the caller to log: the change itself is already committed,
   * and the next successful seal or unlock catches up.
   */
  sealAuditHead(): void {
    if (!this.db || !this.dataKey || !this.header) return;
    const head = readAuditHead(this.db.sqlite);
    if (this.header.audit && this.header.audit.rows === head.rows && this.header.audit.head === head.head) return;
    const header: VaultHeader = { ...this.header, audit: sealAuditHead(this.dataKey, head) };
    writeHeader(this.headerPath, header);
    this.header = header;
  }

  /** The audit head recorded in the header, and whether its MAC checks out; null in an older vault. */
  sealedAuditHead(): { rows: number; head: string; authentic: boolean } | null {
    if (!this.dataKey) throw new AppError('LOCKED', 'The vault is locked.');
    const header = this.readHeaderOrFail();
    if (!header.audit) return null;
    return { rows: header.audit.rows, head: header.audit.head, authentic: auditHeadIsAuthentic(this.dataKey, header.audit) };
  }

  /**
   * Crypto-erase: the header (the only copy of the wrapped data key) is overwritten with random bytes,
   * flushed and deleted; without it the database is noise to anyone, passphrase or not. The database
   * files and the lockout counter are then removed and the key leaves memory.
   */
  erase(): void {
    const dir = this.options.dataDir;
    this.lock();
    try {
      if (fs.existsSync(this.headerPath)) {
        const size = Math.max(fs.statSync(this.headerPath).size, 4096);
        const fd = fs.openSync(this.headerPath, 'r+');
        try {
          fs.writeSync(fd, randomBytes(size), 0, size, 0);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        fs.rmSync(this.headerPath);
      }
      for (const file of [this.lockoutPath, this.dbPath, `${this.dbPath}-wal`, `${this.dbPath}-shm`]) fs.rmSync(file, { force: true });
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith(`.${VAULT_HEADER_FILE}.`)) fs.rmSync(path.join(dir, name), { force: true });
      }
      fsyncDir(dir);
    } catch (error) {
      throw ioError('The vault could not be fully erased', error);
    }
    this.memoryLockout = null;
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
    this.header = null;
  }

  private open(dataKey: Buffer, header: VaultHeader): void {
    if (!fs.existsSync(this.dbPath)) {
      dataKey.fill(0);
      throw new AppError('IO', `The vault database (${VAULT_DB_FILE}) is missing from ${this.options.dataDir}.`);
    }
    try {
      this.db = openDb(this.dbPath, { key: dataKey, migrationsDir: this.options.migrationsDir });
      this.dataKey = dataKey;
      this.header = header;
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
      if (error instanceof DbOpenError && error.reason === 'IO') {
        throw new AppError('IO', `The vault cannot be opened: ${error.message}. Nothing was changed.`);
      }
      throw ioError('The vault database cannot be opened', error);
    }
    catchUpAuditHead(this, this.db.sqlite, header.audit, dataKey);
  }
}

/**
 * Brings the header's audit head up to date when it is behind (an older vault, or a crash between a
 * commit and the header write) but only when the rows it vouches for are unchanged: a header ahead of
 * the database, or one whose MAC fails, is left as evidence for `audit.verify`.
 */
function catchUpAuditHead(vault: Vault, sqlite: Db['sqlite'], sealed: VaultHeader['audit'], dataKey: Buffer): void {
  if (sealed) {
    if (!auditHeadIsAuthentic(dataKey, sealed)) return;
    if (hashAt(sqlite, sealed.rows) !== sealed.head) return;
  }
  try {
    vault.sealAuditHead();
  } catch {
    // Read-only folder or full disk: the vault still opens; the head is sealed on a later write.
  }
}

function lockoutMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000);
  return `Too many wrong passphrases: wait ${seconds} s before trying again.`;
}

function lockoutError(waitMs: number, now: Date, prefix?: string): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  return new AppError('LOCKED', prefix ? `${prefix} ${lockoutMessage(waitMs)}` : lockoutMessage(waitMs), {
    retryAfterSeconds: seconds,
    retryAt: new Date(now.getTime() + waitMs).toISOString(),
  });
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
