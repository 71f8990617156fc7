import type { Command } from 'commander';
import type { AuditVerifyResult } from '../../../shared/contract/audit';
import { EXIT } from '../exitCodes';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';
import { printResult } from '../output';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('check the hash chain of the audit trail; exit 1 naming the first bad row')
    .action(async (_opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const core = openCore(global);
      try {
        await unlock(core);
        const result = valueOf<AuditVerifyResult>(await core.dispatch('audit.verify', {}));
        printResult(
          global,
          result,
          result.ok ? `Audit trail intact: ${result.rows} rows checked.` : `Audit trail broken at row ${result.firstBadSeq}: ${result.problem}`,
        );
        if (!result.ok) process.exitCode = EXIT.refused;
      } finally {
        core.close();
      }
    });
}
