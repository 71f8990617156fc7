import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import {
  BackupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
  LastBackupSchema,
  type BackupSettings,
  type BackupStatus,
  type LastBackup,
} from '../../../shared/contract/backup';
import { AppError } from '../../../shared/envelope';
import { EVENT_NAMES, type EventName } from '../../../shared/events';
import { readSettings, writeSetting } from '../../../db/repositories/settings';
import { createBackup } from '../backup/createBackup';
import { BackupFileError } from '../backup/container';
import { collectHandover, importHandover, readHandoverZip, writeHandoverZip } from '../backup/handover';
import { renderHandoverIndex } from '../backup/handoverIndexPdf';
import { reportLogo } from '../report/sections/cover';
import { listBackups } from '../backup/naming';
import { prepareRestore } from '../backup/restore';
import { backupRuntimeOf } from '../backup/runtime';
import type { CommandContext } from '../context';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { readInputFile } from '../files/inputFile';
import { findChromium, printReportPdf } from '../report/renderPdf';
import type { Handlers } from '../registry';
import { loadSettings } from './settingsService';

const KEYS = {
  settings: 'backup.settings',
  last: 'backup.last',
  lastError: 'backup.lastError',
  handoverExportedAt: 'handover.exportedAt',
  contactsReviewedAt: 'handover.contactsReviewedAt',
} as const;

const DAY_MS = 86_400_000;
/** A backup counts as "done" for the handover checklist when it is this recent. */
const RECENT_BACKUP_DAYS = 7;
const MAX_BACKUP_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const MAX_PACK_BYTES = 1024 * 1024 * 1024;

function readBackupSettings(raw: Record<string, unknown>): BackupSettings {
  const parsed = BackupSettingsSchema.partial().safeParse(raw[KEYS.settings] ?? {});
  return { ...DEFAULT_BACKUP_SETTINGS, ...(parsed.success ? parsed.data : {}) };
}

function readLast(raw: Record<string, unknown>): LastBackup | null {
  const parsed = LastBackupSchema.safeParse(raw[KEYS.last]);
  return parsed.success ? parsed.data : null;
}

function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
}

export function backupStatus(ctx: CommandContext): BackupStatus {
  const sqlite = ctx.db.sqlite;
  const raw = readSettings(sqlite);
  const settings = readBackupSettings(raw);
  const last = readLast(raw);
  const lastErrorRaw = raw[KEYS.lastError] as { at?: unknown; message?: unknown } | null | undefined;
  const lastError =
    lastErrorRaw && isoOrNull(lastErrorRaw.at) && typeof lastErrorRaw.message === 'string'
      ? { at: lastErrorRaw.at as string, message: lastErrorRaw.message }
      : null;
  const now = ctx.now().getTime();
  const today = Date.parse(`${ctx.now().toISOString().slice(0, 10)}T00:00:00.000Z`);
  const daysToDeparture = settings.departureDate ? Math.round((Date.parse(`${settings.departureDate}T00:00:00.000Z`) - today) / DAY_MS) : null;
  const openActions = tableExists(sqlite, 'corrective_actions')
    ? (sqlite.prepare("SELECT count(*) FROM corrective_actions WHERE status = 'open'").pluck().get() as number)
    : 0;
  return {
    settings,
    last,
    lastError,
    running: backupRuntimeOf(ctx.vault)?.running ?? false,
    checklist: {
      departureDate: settings.departureDate,
      daysToDeparture,
      show: daysToDeparture !== null && daysToDeparture <= 30,
      backupDone: Boolean(last?.verified && now - Date.parse(last.at) <= RECENT_BACKUP_DAYS * DAY_MS),
      handoverExportedAt: isoOrNull(raw[KEYS.handoverExportedAt]),
      contactsReviewedAt: isoOrNull(raw[KEYS.contactsReviewedAt]),
      openActions,
    },
  };
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}

function runtime(ctx: CommandContext) {
  const rt = backupRuntimeOf(ctx.vault);
  if (!rt) throw new AppError('INTERNAL', 'Backups are not available in this process.');
  return rt;
}

/** Every "<module>.changed" event: after a restore or an import, every window refetches what it shows. */
const CHANGED_EVENTS = EVENT_NAMES.filter((n) => n.endsWith('.changed')) as EventName[];

export const backupHandlers: Handlers<
  | 'backup.status'
  | 'backup.updateSettings'
  | 'backup.create'
  | 'backup.list'
  | 'backup.restore'
  | 'handover.export'
  | 'handover.import'
  | 'handover.markContactsReviewed'
> = {
  'backup.status': (ctx) => backupStatus(ctx),

  'backup.updateSettings': (ctx, changes) => {
    const sqlite = ctx.db.sqlite;
    if (changes.folder) {
      if (!path.isAbsolute(changes.folder)) throw new AppError('VALIDATION', 'The backup folder must be a full path.', { issues: [{ path: 'folder', message: 'must be a full path' }] });
      let isDir: boolean;
      try {
        isDir = fs.statSync(changes.folder).isDirectory();
      } catch {
        isDir = false;
      }
      if (!isDir) throw new AppError('VALIDATION', `The folder ${changes.folder} does not exist.`, { issues: [{ path: 'folder', message: 'the folder does not exist' }] });
    }
    ctx.transact((audit) => {
      const before = readBackupSettings(readSettings(sqlite));
      const after = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
      writeSetting(sqlite, KEYS.settings, after);
      audit({ entity: 'backup', entityId: 'settings', action: 'update', before, after });
    });
    ctx.emit('backup.changed');
    return backupStatus(ctx);
  },

  'backup.create': async (ctx, input) => {
    const rt = runtime(ctx);
    if (rt.running) throw new AppError('CONFLICT', 'A backup or restore is already running; wait for it to finish.');
    const sqlite = ctx.db.sqlite;
    const settings = readBackupSettings(readSettings(sqlite));
    const folder = input.folder ?? settings.folder;
    if (!folder) throw new AppError('VALIDATION', 'Choose a backup folder first.', { issues: [{ path: 'folder', message: 'required' }] });
    const { delegationName } = loadSettings(sqlite);
    rt.running = true;
    let lastStep = -1;
    try {
      const result = await createBackup({
        vault: ctx.vault,
        folder,
        delegationName,
        keep: settings.keep,
        now: ctx.now(),
        allowWeakKdf: rt.allowWeakKdf,
        onProgress: (progress) => {
          // Every 5 %: each event makes open windows refresh the backup status.
          const step = Math.floor((20 * progress.done) / Math.max(progress.total, 1));
          if (step === lastStep) return;
          lastStep = step;
          rt.publish({ name: 'backup.progress', payload: { progress } });
        },
      });
      ctx.transact((audit) => {
        const last: LastBackup = { at: ctx.nowIso(), path: result.path, bytes: result.bytes, sha256: result.sha256, verified: result.verified };
        writeSetting(sqlite, KEYS.last, last);
        writeSetting(sqlite, KEYS.lastError, null);
        audit({ entity: 'backup', entityId: path.basename(result.path), action: 'create', after: { ...last, rotated: result.rotated } });
      });
      ctx.emit('backup.changed');
      return result;
    } catch (error) {
      try {
        if (ctx.vault.state() === 'unlocked') {
          const message = error instanceof AppError ? error.message : (error as Error).message;
          ctx.transact((audit) => {
            writeSetting(sqlite, KEYS.lastError, { at: ctx.nowIso(), message });
            audit({ entity: 'backup', entityId: 'failed', action: 'fail', after: { message } });
          });
          rt.publish({ name: 'backup.changed', payload: {} });
        }
      } catch {
        // The disk that refused the backup may refuse this too; the error itself still reaches the caller.
      }
      throw error;
    } finally {
      rt.running = false;
    }
  },

  'backup.list': (ctx, input) => {
    const folder = input.folder ?? readBackupSettings(readSettings(ctx.db.sqlite)).folder;
    return { folder: folder ?? null, backups: folder ? listBackups(folder).map(({ name, path: p, createdAt, bytes }) => ({ name, path: p, createdAt, bytes })) : [] };
  },

  'backup.restore': async (ctx, input) => {
    const rt = runtime(ctx);
    if (rt.running) throw new AppError('CONFLICT', 'A backup or restore is already running; wait for it to finish.');
    const file = readInputFile(ctx, input.path, {
      label: 'The backup file',
      maxBytes: MAX_BACKUP_BYTES,
      tooLarge: (name) => new AppError('VALIDATION', `${name} is too large to be a backup this version can restore.`),
      empty: (name) => new AppError('VALIDATION', `${name} is empty: it is not a Vigil backup. Nothing was changed.`),
    });
    rt.running = true;
    try {
      let prepared;
      try {
        prepared = await prepareRestore({ bytes: file.bytes, dataDir: ctx.dataDir, passphrase: input.passphrase, now: ctx.now(), allowWeakKdf: rt.allowWeakKdf });
      } catch (error) {
        if (error instanceof BackupFileError) throw new AppError('VALIDATION', `${error.message} Nothing was changed.`);
        // A wrong backup passphrase must not lock the open vault: say it as a field problem.
        if (error instanceof AppError && error.code === 'LOCKED') {
          throw new AppError('VALIDATION', error.message, { issues: [{ path: 'passphrase', message: error.message }] });
        }
        throw error;
      }
      // The verified copy is ready: close the current vault (key out of memory), swap, open the restored one.
      // No vault.locked event: for the windows the restore is one step, and they refetch on the events below.
      ctx.vault.lock();
      let keptAs: string | null;
      try {
        ({ keptAs } = prepared.commit());
      } catch (error) {
        // The swap was undone and the current vault is back in place, locked: windows go to the unlock screen.
        rt.publish({ name: 'vault.locked', payload: {} });
        throw error;
      }
      await ctx.vault.unlock(input.passphrase);
      ctx.transact((audit) =>
        audit({ entity: 'backup', entityId: file.name, action: 'restore', after: { backupCreatedAt: prepared.backupCreatedAt, keptAs } }),
      );
      ctx.emit('vault.unlocked');
      for (const name of CHANGED_EVENTS) ctx.emit(name);
      return { keptAs, backupCreatedAt: prepared.backupCreatedAt, auditRows: prepared.auditRows };
    } finally {
      rt.running = false;
    }
  },

  'handover.export': async (ctx, input) => {
    const target = checkExportTarget(input.path, 'zip');
    const sqlite = ctx.db.sqlite;
    const settings = loadSettings(sqlite);
    const { dumps, index } = collectHandover(sqlite, {
      createdAt: ctx.nowIso(),
      delegationName: settings.delegationName,
      includeRestricted: input.includeRestricted,
      isDemo: settings.isDemo,
    });
    let pdf: Buffer | null = null;
    // The desktop host prints with Electron; browser mode and the CLI with headless Chromium if there is one.
    if (ctx.printPdf || findChromium()) {
      pdf = (await printReportPdf(ctx, renderHandoverIndex(index, settings.language, reportLogo(ctx.db.sqlite)), { paper: 'a4' })).data;
    } else {
      index.leftOut.push('index.pdf: no Chromium browser was found to print it; index.json lists the same');
    }
    const zip = await writeHandoverZip(input.password, dumps, index, pdf);
    const written = writeExport(target, zip);
    ctx.transact((audit) => {
      writeSetting(sqlite, KEYS.handoverExportedAt, ctx.nowIso());
      audit({
        entity: 'handover',
        entityId: path.basename(target),
        action: 'export',
        after: { includeRestricted: input.includeRestricted, sha256: written.sha256, tables: index.tables },
      });
    });
    ctx.emit('backup.changed');
    return { ...written, verified: true, index };
  },

  'handover.import': async (ctx, input) => {
    const file = readInputFile(ctx, input.path, {
      label: 'The handover pack',
      maxBytes: MAX_PACK_BYTES,
      tooLarge: (name) => new AppError('VALIDATION', `${name} is too large to be a handover pack.`),
      empty: (name) => new AppError('VALIDATION', `${name} is empty: it is not a handover pack. Nothing was changed.`),
    });
    const { dumps, index } = await readHandoverZip(file.bytes, input.password);
    const tables = ctx.transact((audit) => {
      const counts = importHandover(ctx.db.sqlite, dumps);
      audit({ entity: 'handover', entityId: file.name, action: 'import', after: { createdAt: index.createdAt, from: index.delegationName, tables: counts } });
      return counts;
    });
    for (const name of CHANGED_EVENTS) ctx.emit(name);
    return { tables, total: tables.reduce((n, t) => n + t.rows, 0) };
  },

  'handover.markContactsReviewed': (ctx) => {
    ctx.transact((audit) => {
      writeSetting(ctx.db.sqlite, KEYS.contactsReviewedAt, ctx.nowIso());
      audit({ entity: 'handover', entityId: 'contacts', action: 'reviewed' });
    });
    ctx.emit('backup.changed');
    return backupStatus(ctx);
  },
};
