import path from 'node:path';
import { Option, type Command } from 'commander';
import type { ExportResult } from '../../../shared/contract/grid';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';
import { exportParent } from './risks';

export function registerMsr(program: Command): void {
  exportParent(program)
    .command('msr')
    .description('the MSR compliance checklist (every item with its status, evidence and linked measures)')
    .addOption(new Option('--format <fmt>', 'file format').choices(['xlsx', 'csv']).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write (replaced atomically)')
    .action(async (opts: { format: 'xlsx' | 'csv'; out: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<ExportResult>(
          await core.dispatch('msr.export', { format: opts.format, path: path.resolve(opts.out), ...(global.lang ? { lang: global.lang } : {}) }),
        );
        printResult(global, result, `${result.rows} MSR items written to ${result.path} (sha256 ${result.sha256}).`);
      } finally {
        core.close();
      }
    });
}
