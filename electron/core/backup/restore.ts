import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import { DbOpenError, openDb } from '../../../db/openDb';
import { verifyAuditChain } from '../audit/auditChain';
import { auditHeadIsAuthentic, hashAt } from '../audit/auditHead';
import { fsyncDir } from '../fs/atomicWrite';
import { writeHeader } from '../vault/header';
import { deriveKey } from '../vault/kdf';
import { unwrapKey } from '../vault/keyWrap';
import { VAULT_DB_FILE, VAULT_HEADER_FILE } from '../vault/vault';
import { BackupFileError, unpackBackup } from './container';
import { utcStamp } from './naming';

export interface RestoreOptions {
  /** The whole `.vigilbackup` file. */
  bytes: Buffer;
  /** The vault folder to replace (it may not exist yet). */
  dataDir: string;
  /** The passphrase that was valid when the backup was made. */
  passphrase: string;
  now: Date;
  allowWeakKdf?: boolean;
  migrationsDir?: string;
}

export interface RestoreResult {
  dataDir: string;
  /** Where the vault that was there before now is; null when there was none. */
  keptAs: string | null;
  backupCreatedAt: string;
  auditRows: number;
}

/** A backup the passphrase does not open: LOCKED, like a wrong passphrase at unlock (CLI exit 3). */
export class WrongBackupPassphrase extends AppError {
  constructor() {
    super('LOCKED', 'Wrong passphrase for this backup: use the passphrase that was valid when the backup was made. Nothing was changed.');
  }
}

/**
 * Restore, in this order, so a failure at any step leaves the current vault exactly as it was:
 * 1. check the container (magic, lengths, SHA-256 trailer) — a flipped byte stops here;
 * 2. unwrap the data key with the passphrase valid when the backup was made (the header inside the backup);
 * 3. write the database and header into a new folder beside the vault, open it (bringing an older backup
 *    up to the current migrations), run integrity_check and verify the audit chain and its sealed head;
 * 4. swap: the current vault folder is renamed `<d>.before-restore-<ts>` (kept, never deleted), then the
 *    new folder takes its name. Both renames are in the same parent folder, so each is atomic.
 */
export interface PreparedRestore {
  dataDir: string;
  backupCreatedAt: string;
  auditRows: number;
  /** Swaps the verified copy in; the current vault folder must no longer be open. */
  commit(): { keptAs: string | null };
  /** Drops the verified copy (nothing else was touched). */
  discard(): void;
}

/** Steps 1-3: everything that can fail, done beside the current vault without touching it. */
export async function prepareRestore(options: RestoreOptions): Promise<PreparedRestore> {
  const { header, db } = unpackBackup(options.bytes, options.allowWeakKdf);
  const kek = await deriveKey(options.passphrase, header.vault.kdf);
  const dataKey = unwrapKey(header.vault.wrappedKey, kek);
  kek.fill(0);
  if (!dataKey) throw new WrongBackupPassphrase();

  const dataDir = path.resolve(options.dataDir);
  const parent = path.dirname(dataDir);
  const stamp = utcStamp(options.now);
  const staging = `${dataDir}.restoring-${stamp}`;
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: 0o700 });
  } catch (error) {
    dataKey.fill(0);
    throw restoreIo(`The folder beside ${dataDir} cannot be written`, error);
  }
  let auditRows: number;
  try {
    const dbFile = path.join(staging, VAULT_DB_FILE);
    try {
      const fd = fs.openSync(dbFile, 'wx', 0o600);
      try {
        fs.writeSync(fd, db);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      writeHeader(path.join(staging, VAULT_HEADER_FILE), header.vault);
    } catch (error) {
      throw restoreIo('The backup could not be unpacked', error);
    }
    auditRows = verifyRestored(dbFile, dataKey, header.vault.audit, options.migrationsDir);
    // Added map basemaps are public files beside the database, not in the backup: keep the current ones.
    const basemaps = path.join(dataDir, 'basemaps');
    if (fs.existsSync(basemaps)) fs.cpSync(basemaps, path.join(staging, 'basemaps'), { recursive: true });
    fsyncDir(staging);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    dataKey.fill(0);
  }

  return {
    dataDir,
    backupCreatedAt: header.createdAt,
    auditRows,
    discard: () => fs.rmSync(staging, { recursive: true, force: true }),
    commit() {
      let keptAs: string | null = null;
      try {
        if (fs.existsSync(dataDir)) {
          keptAs = `${dataDir}.before-restore-${stamp}`;
          fs.renameSync(dataDir, keptAs);
        }
        try {
          fs.renameSync(staging, dataDir);
        } catch (error) {
          if (keptAs) fs.renameSync(keptAs, dataDir);
          keptAs = null;
          throw error;
        }
        fsyncDir(parent);
      } catch (error) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw restoreIo('The restored vault could not be put in place', error);
      }
      return { keptAs };
    },
  };
}

/** The whole restore for a vault no process has open (the CLI). */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const prepared = await prepareRestore(options);
  const { keptAs } = prepared.commit();
  return { dataDir: prepared.dataDir, keptAs, backupCreatedAt: prepared.backupCreatedAt, auditRows: prepared.auditRows };
}

function verifyRestored(dbFile: string, dataKey: Buffer, sealed: { rows: number; head: string; mac: string } | undefined, migrationsDir?: string): number {
  let opened;
  try {
    opened = openDb(dbFile, { key: dataKey, migrationsDir });
  } catch (error) {
    if (error instanceof DbOpenError && error.reason === 'NOT_A_DATABASE') {
      throw new BackupFileError('The database inside the backup cannot be read with its key: the backup is damaged.');
    }
    throw new AppError('IO', `The restored database could not be opened: ${(error as Error).message}. Nothing was changed.`);
  }
  const sqlite = opened.sqlite;
  try {
    const integrity = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (integrity[0]?.integrity_check !== 'ok') {
      throw new AppError('VALIDATION', `The backup's database failed its integrity check (${integrity[0]?.integrity_check ?? 'unknown'}). Nothing was changed.`);
    }
    const chain = verifyAuditChain(sqlite);
    if (!chain.ok) throw new AppError('VALIDATION', `The backup's audit trail is broken at row ${chain.firstBadSeq}: ${chain.problem}. Nothing was changed.`);
    if (sealed) {
      if (!auditHeadIsAuthentic(dataKey, sealed) || chain.rows < sealed.rows || hashAt(sqlite, sealed.rows) !== sealed.head) {
        throw new AppError('VALIDATION', "The backup's audit trail does not match the head sealed in its header. Nothing was changed.");
      }
    }
    // One file to move: fold the WAL the migrations may have written into the database.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return chain.rows;
  } finally {
    sqlite.close();
  }
}

function restoreIo(what: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException)?.code;
  const reason = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied or read-only' : (error as Error)?.message;
  return new AppError('IO', `${what}: ${reason}. The current vault was not changed.`);
}
