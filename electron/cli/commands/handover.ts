import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { HandoverIndex } from '../../../shared/contract/backup';
import { CliExit, EXIT } from '../exitCodes';
import { printResult } from '../output';
import { readPassphrase } from '../passphrase';
import { openCore, unlock, valueOf, type GlobalOptions } from '../session';

/** The handover password: VIGIL_HANDOVER_PASSWORD or a prompt with echo off; never argv, never logged. */
async function handoverPassword(): Promise<string> {
  const fromEnv = process.env.VIGIL_HANDOVER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new CliExit(EXIT.usage, 'No handover password: set VIGIL_HANDOVER_PASSWORD or run in a terminal to be asked for it.');
  return readPassphrase('Handover password: ', {});
}

/** `vigil handover export --out <file> [--include-restricted]`, `vigil handover import <file>`. */
export function registerHandover(program: Command): void {
  const handover = program.command('handover').description('the handover pack for a successor: one password-encrypted ZIP');
  handover
    .command('export')
    .description('write the handover pack (AES-256 ZIP with one JSON file per table and an index)')
    .requiredOption('--out <file>', 'the pack to write (.zip)')
    .option('--include-restricted', 'include restricted incidents, sensitive contacts and restricted personal fields')
    .action(async (opts: { out: string; includeRestricted?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const target = path.resolve(opts.out);
      if (!fs.existsSync(path.dirname(target))) throw new CliExit(EXIT.usage, `The folder ${path.dirname(target)} does not exist. Nothing was written.`);
      const core = openCore(global);
      try {
        await unlock(core);
        const password = await handoverPassword();
        const result = valueOf<{ path: string; bytes: number; sha256: string; index: HandoverIndex }>(
          await core.dispatch('handover.export', { path: target, password, includeRestricted: Boolean(opts.includeRestricted) }),
        );
        const records = result.index.tables.reduce((n, t) => n + t.included, 0);
        printResult(global, result, `Handover pack written and verified: ${result.path} (${records} records). Left out: ${result.index.leftOut.join('; ')}.`);
      } finally {
        core.close();
      }
    });
  handover
    .command('import <file>')
    .description('import a handover pack into this (new, empty) vault')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const source = path.resolve(file);
      if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new CliExit(EXIT.usage, `${source} cannot be read as a file. Nothing was changed.`);
      const core = openCore(global);
      try {
        await unlock(core);
        const password = await handoverPassword();
        const result = valueOf<{ tables: Array<{ table: string; rows: number }>; total: number }>(
          await core.dispatch('handover.import', { path: source, password }),
        );
        printResult(global, result, `Imported ${result.total} records from ${path.basename(source)}.`);
      } finally {
        core.close();
      }
    });
}
