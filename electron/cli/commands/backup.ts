import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { BackupResult } from '../../../shared/contract/backup';
import { AppError } from '../../../shared/envelope';
import { defaultDataDir } from '../../core';
import { BackupFileError } from '../../core/backup/container';
import { restoreBackup } from '../../core/backup/restore';
import { CliExit, EXIT, exitCodeFor } from '../exitCodes';
import { printResult } from '../output';
import { readPassphrase } from '../passphrase';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';

/** `vigil backup --out <dir>` and `vigil restore <file>` (INTERFACES.md). */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('write an encrypted backup of the whole vault (vigil-<slug>-<UTC time>.vigilbackup) and rotate old ones')
    .requiredOption('--out <dir>', 'folder to write the backup into (SHA256SUMS is updated there)')
    .action(async (opts: { out: string }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const folder = path.resolve(opts.out);
      if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        throw new CliExit(EXIT.usage, `--out must be an existing folder: ${folder} is not one. Nothing was written.`);
      }
      const core = openCore(global);
      try {
        await unlock(core);
        let shown = -1;
        const stop = core.subscribe((event) => {
          const p = event.name === 'backup.progress' ? event.payload.progress : undefined;
          if (!p) return;
          const percent = Math.floor((100 * p.done) / Math.max(p.total, 1));
          if (percent >= shown + 10 || percent === 100) {
            shown = percent;
            process.stderr.write(`backup: ${percent}%\n`);
          }
        });
        try {
          const result = valueOf<BackupResult>(await core.dispatch('backup.create', { folder }));
          printResult(global, { path: result.path, bytes: result.bytes, sha256: result.sha256 }, result.path);
          if (result.rotated.length) process.stderr.write(`backup: rotation removed ${result.rotated.join(', ')}\n`);
        } finally {
          stop();
        }
      } finally {
        core.close();
      }
    });

  program
    .command('restore <file>')
    .description('restore a .vigilbackup into the vault folder; the current vault is kept as <dir>.before-restore-<time>')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const source = path.resolve(file);
      let bytes: Buffer;
      try {
        if (!fs.statSync(source).isFile()) throw new Error('not a file');
        bytes = fs.readFileSync(source);
      } catch {
        throw new CliExit(EXIT.usage, `${source} cannot be read as a file. Nothing was changed.`);
      }
      const dataDir = global.dataDir ? path.resolve(global.dataDir) : defaultDataDir();
      const passphrase = await readPassphrase('Passphrase that was valid when the backup was made: ');
      try {
        process.stderr.write('Checking and restoring the backup (the key derivation takes a moment)…\n');
        const result = await restoreBackup({ bytes, dataDir, passphrase, now: new Date() });
        printResult(
          global,
          result,
          `Restored ${path.basename(source)} (made ${result.backupCreatedAt}) into ${result.dataDir}; audit trail verified (${result.auditRows} rows).` +
            (result.keptAs ? ` The previous vault is kept in ${result.keptAs}.` : ''),
        );
      } catch (error) {
        if (error instanceof BackupFileError) throw new CliExit(EXIT.usage, `${error.message} Nothing was changed.`);
        if (error instanceof AppError) throw new CliExit(exitCodeFor(error.code), error.message);
        throw error;
      }
    });
}
