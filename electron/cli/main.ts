import { Command, CommanderError, Option } from 'commander';
import { LANGUAGES } from '../../shared/contract/common';
import { CliExit, EXIT } from './exitCodes';
import { registerCoreCommands } from './coreCommands';

/** `vigil`: the same dispatch as the app, for scripts. Results on stdout, logs and progress on stderr. */
export function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil command line: the same vault and commands as the desktop app.')
    .addOption(new Option('--data-dir <dir>', 'vault folder (default: the per-user data dir; VIGIL_DATA_DIR overrides)'))
    .addOption(new Option('--json', 'machine-readable output: one JSON value on stdout'))
    .addOption(new Option('--lang <lang>', 'language of messages and exports').choices([...LANGUAGES]))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stderr.write(s), writeErr: (s) => process.stderr.write(s) });
  registerCoreCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CliExit) {
      process.stderr.write(`vigil: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // --help and --version are not errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`vigil: unexpected error: ${(error as Error).message}\n`);
    return EXIT.refused;
  }
}
