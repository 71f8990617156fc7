import type { Command } from 'commander';
import type { VaultStatus } from '../../../shared/contract/vault';
import { CliExit, EXIT } from '../exitCodes';
import { readPassphrase } from '../passphrase';
import { openCore, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a vault (refuses if the data dir already holds one)')
    .option('--demo', 'fill the vault with clearly fictional demo data')
    .option('--name <delegation>', 'delegation name', 'Demo delegation')
    .option('--officer <name>', 'officer name, recorded as "who" in the audit trail', process.env.USER ?? 'Security officer')
    .option('--time-zone <iana>', 'delegation time zone', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .option('--seed <n>', 'seed of the demo data (same seed, same data)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new CliExit(EXIT.usage, '--seed must be a whole number');
      return n;
    })
    .action(async (opts: { demo?: boolean; name: string; officer: string; timeZone: string; seed?: number }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        const status = valueOf<VaultStatus>(await core.dispatch('vault.status', {}));
        if (status.state !== 'absent') {
          throw new CliExit(EXIT.refused, `${core.dataDir} already holds a vault. Nothing was changed.`);
        }
        const passphrase = await readPassphrase('New vault passphrase: ');
        if (!process.env.VIGIL_PASSPHRASE) {
          const again = await readPassphrase('Type it again: ');
          if (again !== passphrase) throw new CliExit(EXIT.refused, 'The two passphrases differ. Nothing was created.');
        }
        process.stderr.write('Creating the vault (the key derivation takes a moment)…\n');
        const created = valueOf<VaultStatus>(
          await core.dispatch('vault.create', {
            delegationName: opts.name,
            officerName: opts.officer,
            timeZone: opts.timeZone,
            language: global.lang ?? 'en',
            passphrase,
            demo: Boolean(opts.demo),
            seed: opts.seed,
          }),
        );
        printResult(global, created, `Vault created in ${created.dataDir}${created.isDemo ? ' (DEMO: fictional data)' : ''}.`);
      } finally {
        core.close();
      }
    });
}
