import type Database from 'better-sqlite3';
import { SettingsSchema, type Settings } from '../../../shared/contract/settings';
import { readSettings, writeSetting } from '../../../db/repositories/settings';
import type { Handlers } from '../registry';

export const DEFAULT_SETTINGS: Settings = {
  delegationName: '',
  officerName: '',
  organisationName: '',
  timeZone: 'UTC',
  language: 'en',
  phaseScale: 'ifrc',
  isDemo: false,
  autoLockMinutes: 15,
};

export function loadSettings(sqlite: Database.Database): Settings {
  return SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...readSettings(sqlite) });
}

export function saveSettings(sqlite: Database.Database, values: Partial<Settings>): void {
  for (const [key, value] of Object.entries(values)) if (value !== undefined) writeSetting(sqlite, key, value);
}

export const settingsHandlers: Handlers<'settings.get' | 'settings.update'> = {
  'settings.get': (ctx) => loadSettings(ctx.db.sqlite),
  'settings.update': (ctx, changes) => {
    const result = ctx.transact((audit) => {
      const before = loadSettings(ctx.db.sqlite);
      saveSettings(ctx.db.sqlite, changes);
      const after = loadSettings(ctx.db.sqlite);
      audit({ entity: 'settings', entityId: 'settings', action: 'update', before, after });
      return after;
    });
    ctx.emit('settings.changed');
    return result;
  },
};
