import { AppError } from '../../../shared/envelope';
import { assessPassphrase } from '../../../shared/domain/passphrase';
import type { VaultStatus } from '../../../shared/contract/vault';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { loadSettings, saveSettings } from './settingsService';
import { seedDemo } from '../demo/seedDemo';
import { appendAudit } from '../audit/auditChain';

function status(ctx: CommandContext): VaultStatus {
  const state = ctx.vault.state();
  const settings = state === 'unlocked' ? loadSettings(ctx.db.sqlite) : null;
  return {
    state,
    dataDir: ctx.dataDir,
    isDemo: settings?.isDemo ?? false,
    delegationName: settings?.delegationName ?? null,
  };
}

export const vaultHandlers: Handlers<'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock'> = {
  'vault.status': (ctx) => status(ctx),

  'vault.create': async (ctx, input) => {
    const strength = assessPassphrase(input.passphrase, [input.delegationName, input.officerName]);
    if (!strength.acceptable) {
      throw new AppError('VALIDATION', 'The passphrase is too weak: use at least 12 characters that are hard to guess, for example four unrelated words.', {
        issues: strength.problems.map((p) => ({ path: 'passphrase', message: p })),
      });
    }
    await ctx.vault.create(input.passphrase, (db) => {
      const tx = db.sqlite.transaction(() => {
        const settings = {
          delegationName: input.delegationName,
          officerName: input.officerName,
          timeZone: input.timeZone,
          language: input.language,
          isDemo: input.demo,
        };
        saveSettings(db.sqlite, settings);
        appendAudit(db.sqlite, {
          at: ctx.nowIso(),
          actor: input.officerName,
          adapter: ctx.adapter,
          command: 'vault.create',
          entity: 'vault',
          entityId: null,
          action: 'create',
          before: null,
          after: { ...settings, demo: input.demo },
        });
        if (input.demo) seedDemo(db, { seed: input.seed ?? 1, now: ctx.now(), actor: input.officerName, adapter: ctx.adapter });
      });
      tx();
    });
    ctx.emit('vault.unlocked');
    return status(ctx);
  },

  'vault.unlock': async (ctx, input) => {
    if (ctx.vault.state() === 'absent') throw new AppError('NOT_FOUND', `There is no vault in ${ctx.dataDir} yet.`);
    await ctx.vault.unlock(input.passphrase);
    ctx.emit('vault.unlocked');
    return status(ctx);
  },

  'vault.lock': (ctx) => {
    ctx.vault.lock();
    ctx.emit('vault.locked');
    return status(ctx);
  },
};
