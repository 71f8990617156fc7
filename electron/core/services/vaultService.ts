import { AppError } from '../../../shared/envelope';
import { assessPassphrase } from '../../../shared/domain/passphrase';
import { ERASE_WORD, type VaultStatus } from '../../../shared/contract/vault';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { loadSettings, saveSettings } from './settingsService';
import { createDemoFaker, seedDemo } from '../demo/seedDemo';
import { appendAudit } from '../audit/auditChain';

function status(ctx: CommandContext): VaultStatus {
  const state = ctx.vault.state();
  const settings = state === 'unlocked' ? loadSettings(ctx.db.sqlite) : null;
  return {
    state,
    dataDir: ctx.dataDir,
    isDemo: settings?.isDemo ?? false,
    delegationName: settings?.delegationName ?? null,
    unlockRetryAt: lockoutRetryAt(ctx),
  };
}

function lockoutRetryAt(ctx: CommandContext): string | null {
  if (ctx.vault.state() !== 'locked') return null;
  const wait = ctx.vault.lockoutRemaining();
  return wait > 0 ? new Date(ctx.now().getTime() + wait).toISOString() : null;
}

function refuseWeak(passphrase: string, context: string[], path: string): void {
  const strength = assessPassphrase(passphrase, context);
  if (!strength.acceptable) {
    throw new AppError('VALIDATION', 'The passphrase is too weak: use at least 12 characters that are hard to guess, for example four unrelated words.', {
      issues: strength.problems.map((p) => ({ path, message: p })),
    });
  }
}

export const vaultHandlers: Handlers<
  'vault.status' | 'vault.create' | 'vault.unlock' | 'vault.lock' | 'vault.touch' | 'vault.changePassphrase' | 'vault.erase'
> = {
  'vault.status': (ctx) => status(ctx),

  'vault.create': async (ctx, input) => {
    refuseWeak(input.passphrase, [input.delegationName, input.officerName], 'passphrase');
    const faker = input.demo ? await createDemoFaker(input.seed ?? 1) : null;
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
        if (faker) seedDemo(db, { faker, now: ctx.now(), actor: input.officerName, adapter: ctx.adapter });
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

  // The idle timer was reset by dispatch itself; there is nothing else to do.
  'vault.touch': () => ({}),

  'vault.changePassphrase': async (ctx, input) => {
    const settings = loadSettings(ctx.db.sqlite);
    refuseWeak(input.newPassphrase, [settings.delegationName, settings.officerName], 'newPassphrase');
    if (input.newPassphrase === input.currentPassphrase) {
      throw new AppError('VALIDATION', 'The new passphrase is the same as the current one.', {
        issues: [{ path: 'newPassphrase', message: 'The new passphrase is the same as the current one.' }],
      });
    }
    await ctx.vault.changePassphrase(input.currentPassphrase, input.newPassphrase);
    // Recorded after the header is replaced: the trail says when, never anything about the passphrase.
    ctx.transact((audit) => audit({ entity: 'vault', entityId: 'passphrase', action: 'changePassphrase' }));
    return status(ctx);
  },

  'vault.erase': (ctx, input) => {
    const { delegationName } = loadSettings(ctx.db.sqlite);
    const typed = input.confirmation.trim();
    if (typed !== ERASE_WORD && typed !== delegationName.trim()) {
      throw new AppError('VALIDATION', `Type ${ERASE_WORD} or the delegation name to confirm the erase. Nothing was erased.`, {
        issues: [{ path: 'confirmation', message: `Type ${ERASE_WORD} or the delegation name.` }],
      });
    }
    ctx.vault.erase();
    ctx.emit('vault.locked');
    return status(ctx);
  },
};
