import path from 'node:path';
import type { Command } from 'commander';
import { armExportEncryption, disarmExportEncryption, refreshDrives, setExportNoticeSink } from '../../core/export/exportFile';
import { checkExportPassword } from '../../core/export/encryptZip';
import { verifyPath, VerifyUsageError, type VerifyEntry } from '../../core/export/verifySums';
import { CliExit, EXIT } from '../exitCodes';
import { readPassphrase } from '../passphrase';
import type { GlobalOptions } from '../session';
import { exportParent } from './risks';

/** One line per file, as `sha256sum -c` prints it; MISSING where sha256sum says "FAILED open or read". */
function human(results: VerifyEntry[]): string {
  return results.map((r) => `${r.file}: ${r.status}`).join('\n');
}

export function registerVerify(program: Command): void {
  registerExportProtection(program);
  program
    .command('verify')
    .description('check a file, or every file of a folder, against the SHA256SUMS written by every export (no passphrase needed)')
    .argument('<path>', 'an exported file or the folder holding SHA256SUMS')
    .action(async (target: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      let results: VerifyEntry[];
      try {
        results = await verifyPath(path.resolve(target));
      } catch (error) {
        if (error instanceof VerifyUsageError) throw new CliExit(EXIT.usage, error.message);
        throw error;
      }
      process.stdout.write(global.json ? `${JSON.stringify(results)}\n` : `${human(results)}\n`);
      const failed = results.filter((r) => r.status === 'FAILED').length;
      const missing = results.filter((r) => r.status === 'MISSING').length;
      if (failed || missing) {
        const parts = [
          ...(failed ? [`${failed} computed checksum${failed === 1 ? '' : 's'} did NOT match`] : []),
          ...(missing ? [`${missing} listed file${missing === 1 ? ' is' : 's are'} missing or unreadable`] : []),
        ];
        process.stderr.write(`vigil: WARNING: ${parts.join('; ')}\n`);
        process.exitCode = EXIT.refused;
      }
    });
}

/** The export password: VIGIL_EXPORT_PASSWORD or a prompt with echo off; never argv. */
async function readExportPassword(): Promise<string> {
  const fromEnv = process.env.VIGIL_EXPORT_PASSWORD;
  let password: string;
  if (fromEnv) password = fromEnv;
  else if (process.stdin.isTTY) password = await readPassphrase('Export password: ', {});
  else throw new CliExit(EXIT.usage, '--encrypt needs a password: set VIGIL_EXPORT_PASSWORD or run in a terminal to be asked for it.');
  const problem = checkExportPassword(password);
  if (problem) throw new CliExit(EXIT.usage, problem);
  return password;
}

/**
 * Every `vigil export <module>` (whoever registered it): export warnings (not a removable drive, nearly
 * full) go to stderr, and `--encrypt` wraps the file written to --out in an AES-256 ZIP (`<out>.zip`).
 */
export function registerExportProtection(program: Command): void {
  setExportNoticeSink((message) => process.stderr.write(`vigil: warning: ${message}\n`));
  const parent = exportParent(program);
  parent.option('--encrypt', 'wrap the export in an AES-256 ZIP that 7-Zip opens (password from VIGIL_EXPORT_PASSWORD or a prompt); .zip is appended to the file name');
  let armedPath: string | null = null;
  parent.hook('preAction', async (thisCommand, actionCommand) => {
    // Windows and macOS list drives with an outside command: do it once, before the export is written.
    await refreshDrives();
    if (!thisCommand.opts<{ encrypt?: boolean }>().encrypt) return;
    const out = actionCommand.opts<{ out?: string }>().out;
    if (!out) throw new CliExit(EXIT.usage, `--encrypt: \`export ${actionCommand.name()}\` has no --out file to protect.`);
    armedPath = path.resolve(out);
    armExportEncryption(armedPath, await readExportPassword());
  });
  parent.hook('postAction', () => {
    // An export that failed before writing must not leave the password armed for a later one.
    if (armedPath) disarmExportEncryption(armedPath);
    armedPath = null;
  });
}
