import { createHash } from 'node:crypto';
import type { CommandName } from '../../shared/contract';
import type { EventName, VigilEvent } from '../../shared/events';
import { DEFAULT_SETTINGS, loadSettings } from './services/settingsService';
import { appendAudit } from './audit/auditChain';
import type { AuditEntry, CommandContext } from './context';
import { dispatch } from './dispatch';
import { createStderrLogger } from './log';
import type { Core, CoreOptions } from './types';
import { createUploadStore } from './uploads';
import { Vault } from './vault/vault';
import { createBackupRuntime } from './backup/runtime';
import { runIfDue } from './backup/schedule';

export type { Core, CoreOptions } from './types';
export { defaultDataDir } from './dataDir';

export interface CreateCoreOptions extends CoreOptions {
  /** Tests: check every output against the contract. */
  validateOutput?: boolean;
  /** Tests only: cheap scrypt. */
  weakKdfForTests?: boolean;
  /**
   * How often the auto-lock idle check runs (default 15 s); 0 starts no timer, and the caller (a test with
   * an injected clock) calls core.checkIdle() itself.
   */
  idleCheckMs?: number;
  /** How often the backup schedule is checked while unlocked (default 60 s); 0: no timer. */
  backupCheckMs?: number;
}

/** The idle check interval: a lock at most this late after the idle time has passed. */
const DEFAULT_IDLE_CHECK_MS = 15_000;

/** Builds the Electron-free core: one vault, one dispatch, one event stream, shared by every adapter. */
export function createCore(options: CreateCoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? createStderrLogger('core');
  const vault = new Vault({
    dataDir: options.dataDir,
    migrationsDir: options.migrationsDir,
    weakKdfForTests: options.weakKdfForTests,
    now,
  });
  const uploads = createUploadStore();
  const listeners = new Set<(event: VigilEvent) => void>();
  const publish = (event: VigilEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn('event listener failed', { event: event.name, error: (error as Error).message });
      }
    }
  };

  // Auto-lock: every command but vault.status (which windows poll on their own) counts as activity.
  let lastActivity = now().getTime();
  const checkIdle = (): boolean => {
    if (vault.state() !== 'unlocked') return false;
    let minutes: number;
    try {
      minutes = loadSettings(vault.database.sqlite).autoLockMinutes;
    } catch (error) {
      logger.warn('auto-lock could not read its setting; using the default', { error: (error as Error).message });
      minutes = DEFAULT_SETTINGS.autoLockMinutes;
    }
    if (now().getTime() - lastActivity < minutes * 60_000) return false;
    vault.lock();
    logger.info('the vault locked itself after the idle time', { minutes });
    publish({ name: 'vault.locked', payload: {} });
    return true;
  };
  const idleCheckMs = options.idleCheckMs ?? DEFAULT_IDLE_CHECK_MS;
  const idleTimer = idleCheckMs > 0 ? setInterval(checkIdle, idleCheckMs) : undefined;
  // The timer must never be what keeps a CLI process alive.
  idleTimer?.unref?.();

  const makeContext = (command: CommandName) => {
    const pending: VigilEvent[] = [];
    const inputFiles: Array<{ name: string; sha256: string; bytes: number }> = [];
    let commandRowWritten = false;
    const ctx: CommandContext & { flushEvents(): void; dropEvents(): void } = {
      command,
      adapter: options.adapter,
      dataDir: options.dataDir,
      vault,
      logger,
      uploads,
      printPdf: options.printPdf,
      get db() {
        return vault.database;
      },
      now,
      nowIso: () => now().toISOString(),
      emit: (name: EventName, ids?: string[]) => pending.push({ name, payload: ids ? { ids } : {} }),
      actor: () => loadSettings(vault.database.sqlite).officerName || 'unknown',
      noteInputFile: (name, bytes) => inputFiles.push({ name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }),
      transact(work) {
        const sqlite = vault.database.sqlite;
        const audit = (entry: AuditEntry) =>
          appendAudit(sqlite, {
            at: ctx.nowIso(),
            actor: ctx.actor(),
            adapter: options.adapter,
            command,
            entity: entry.entity,
            entityId: entry.entityId,
            action: entry.action,
            before: entry.before ?? null,
            after: entry.after ?? null,
          });
        const run = sqlite.transaction(() => {
          const result = work(audit);
          // One row for the command itself, in the same transaction as its changes: what ran, and the
          // SHA-256 of every file it read, so an import can be matched to the exact file later.
          if (!commandRowWritten) {
            audit({ entity: 'command', entityId: command, action: 'command', after: { files: inputFiles } });
            commandRowWritten = true;
          }
          return result;
        });
        const result = run();
        // After the commit: the header's sealed head now vouches for the new last row too.
        try {
          vault.sealAuditHead();
        } catch (error) {
          logger.warn('the audit head could not be sealed into the vault header', { error: (error as Error).message });
        }
        return result;
      },
      // Events go out only after the command succeeded, so no window refetches a rolled-back change.
      flushEvents: () => pending.splice(0).forEach(publish),
      dropEvents: () => void pending.splice(0),
    };
    return ctx;
  };

  const deps = {
    makeContext,
    hostHandlers: options.hostHandlers ?? {},
    logger,
    validateOutput: options.validateOutput ?? false,
  };

  // Scheduled backups: a timer runs while the vault is unlocked and dispatches backup.create when due.
  const backups = createBackupRuntime({ vault, logger, publish, allowWeakKdf: options.weakKdfForTests, checkMs: options.backupCheckMs, runIfDue: () => runIfDue((name, input) => dispatch(deps, name, input), now) });
  listeners.add((event) => backups.onEvent(event));

  return {
    dataDir: options.dataDir,
    uploads,
    dispatch: (name, input) => {
      if (name !== 'vault.status') lastActivity = now().getTime();
      return dispatch(deps, name, input);
    },
    checkIdle,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      if (idleTimer) clearInterval(idleTimer);
      backups.stop();
      vault.lock();
      listeners.clear();
    },
  };
}
