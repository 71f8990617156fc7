import type { CommandName } from '../../shared/contract';
import type { EventName, VigilEvent } from '../../shared/events';
import { loadSettings } from './services/settingsService';
import { appendAudit } from './audit/auditChain';
import type { CommandContext } from './context';
import { dispatch } from './dispatch';
import { createStderrLogger } from './log';
import type { Core, CoreOptions } from './types';
import { createUploadStore } from './uploads';
import { Vault } from './vault/vault';

export type { Core, CoreOptions } from './types';
export { defaultDataDir } from './dataDir';

export interface CreateCoreOptions extends CoreOptions {
  /** Tests: check every output against the contract. */
  validateOutput?: boolean;
  /** Tests only: cheap scrypt. */
  weakKdfForTests?: boolean;
}

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

  const makeContext = (command: CommandName) => {
    const pending: VigilEvent[] = [];
    const ctx: CommandContext & { flushEvents(): void; dropEvents(): void } = {
      command,
      adapter: options.adapter,
      dataDir: options.dataDir,
      vault,
      logger,
      uploads,
      get db() {
        return vault.database;
      },
      now,
      nowIso: () => now().toISOString(),
      emit: (name: EventName, ids?: string[]) => pending.push({ name, payload: ids ? { ids } : {} }),
      actor: () => loadSettings(vault.database.sqlite).officerName || 'unknown',
      transact(work) {
        const sqlite = vault.database.sqlite;
        const run = sqlite.transaction(() =>
          work((entry) =>
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
            }),
          ),
        );
        return run();
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

  return {
    dataDir: options.dataDir,
    uploads,
    dispatch: (name, input) => dispatch(deps, name, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      vault.lock();
      listeners.clear();
    },
  };
}
