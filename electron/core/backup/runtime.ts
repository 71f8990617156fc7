import type { VigilEvent } from '../../../shared/events';
import type { Logger } from '../types';
import type { Vault } from '../vault/vault';

/**
 * The part of backups that outlives one command: the progress channel (events go out as they happen, not
 * after the command), the "one backup at a time" flag, and the schedule. The schedule is a timer started
 * when the vault unlocks and stopped when it locks; each tick asks `runScheduled` (which dispatches
 * `backup.create` like any caller, so it is audited and refused on a locked vault) when a backup is due.
 */
export interface BackupRuntime {
  readonly allowWeakKdf: boolean;
  running: boolean;
  publish(event: VigilEvent): void;
  /** Called with every event core publishes: starts the timer on unlock, stops it on lock. */
  onEvent(event: VigilEvent): void;
  /** One schedule check now (the timer calls it; tests may too). */
  tick(): Promise<void>;
  stop(): void;
}

export interface BackupRuntimeOptions {
  vault: Vault;
  logger: Logger;
  publish(event: VigilEvent): void;
  allowWeakKdf?: boolean;
  /** How often the schedule is checked (default 60 s); 0: never by timer. */
  checkMs?: number;
  /** Runs a scheduled backup if one is due; returns whether it ran. */
  runIfDue(): Promise<boolean>;
}

const runtimes = new WeakMap<Vault, BackupRuntime>();

/** The runtime of the core that owns this vault (services reach it through ctx.vault). */
export function backupRuntimeOf(vault: Vault): BackupRuntime | undefined {
  return runtimes.get(vault);
}

export function createBackupRuntime(options: BackupRuntimeOptions): BackupRuntime {
  const checkMs = options.checkMs ?? 60_000;
  let timer: ReturnType<typeof setInterval> | undefined;
  let ticking = false;
  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const runtime: BackupRuntime = {
    allowWeakKdf: options.allowWeakKdf ?? false,
    running: false,
    publish: options.publish,
    onEvent(event) {
      if (event.name === 'vault.unlocked' && checkMs > 0 && !timer) {
        timer = setInterval(() => void runtime.tick(), checkMs);
        // A schedule must never be what keeps a CLI process alive.
        timer.unref?.();
      } else if (event.name === 'vault.locked') {
        stopTimer();
      }
    },
    async tick() {
      if (ticking || runtime.running || options.vault.state() !== 'unlocked') return;
      ticking = true;
      try {
        await options.runIfDue();
      } catch (error) {
        options.logger.warn('scheduled backup failed', { error: (error as Error).message });
      } finally {
        ticking = false;
      }
    },
    stop: stopTimer,
  };
  runtimes.set(options.vault, runtime);
  return runtime;
}
