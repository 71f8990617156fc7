import type { Command } from 'commander';
import { ERASE_WORD, type VaultStatus } from '../../../shared/contract/vault';
import { CliExit, EXIT } from '../exitCodes';
import { printResult } from '../output';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';

/** `vigil erase --yes`: crypto-erase (the wrapped key is destroyed); asks for the passphrase first. */
export function registerErase(program: Command): void {
  program
    .command('erase')
    .description('emergency erase: destroy the wrapped data key so the vault can never be opened again')
    .option('--yes', 'confirm the erase (required: it cannot be undone)')
    .action(async (opts: { yes?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (!opts.yes) throw new CliExit(EXIT.usage, 'Erasing cannot be undone: add --yes to confirm. Nothing was erased.');
      const core = openCore(global);
      try {
        await unlock(core);
        const status = valueOf<VaultStatus>(await core.dispatch('vault.erase', { confirmation: ERASE_WORD }));
        printResult(global, status, `The vault in ${core.dataDir} was erased: its key is destroyed and it can no longer be opened.`);
      } finally {
        core.close();
      }
    });
}
