import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';
import { exportParent } from './risks';

export function registerPlans(program: Command): void {
  exportParent(program)
    .command('plans')
    .description('the register of security plans (owner, approval, review due, tested, latest version), not the files')
    .addOption(new Option('--format <fmt>', 'file format').choices(['csv', 'xlsx']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .option('--columns <a,b>', 'columns to export, in order')
    .action(async (opts: { format: 'csv' | 'xlsx'; out: string; columns?: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch('plans.export', {
            format: opts.format,
            path: path.resolve(opts.out),
            ...(opts.columns ? { columns: opts.columns.split(',').map((c) => c.trim()) } : {}),
            ...(global.lang ? { lang: global.lang } : {}),
          }),
        );
        printResult(global, result, `${result.rows} plans written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
