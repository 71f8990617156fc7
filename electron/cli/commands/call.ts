import type { Command } from 'commander';
import { contract, isCommandName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';
import { CliExit, EXIT } from '../exitCodes';
import { openCore, unlock, type GlobalOptions } from '../session';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `vigil call <command> '<json>' | -`: prints one envelope; 0 ok, 1 error envelope, 2 usage, 3 locked. */
export function registerCall(program: Command): void {
  program
    .command('call')
    .description('call one command with JSON input (or - to read it from stdin) and print its envelope')
    .argument('<command>', 'command name, e.g. premises.list')
    .argument('[json]', "input as JSON, or - for stdin", '{}')
    .action(async (name: string, json: string, _opts: unknown, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      if (isCommandName(name) && contract[name].secret) {
        throw new CliExit(EXIT.usage, `${name} carries a secret and cannot be called from the command line; use \`vigil init\` or the app.`);
      }
      const text = json === '-' ? await readStdin() : json;
      let envelope: Envelope<unknown>;
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch {
        envelope = { ok: false, error: { code: 'VALIDATION', message: 'The input is not valid JSON.' } };
        process.stdout.write(`${JSON.stringify(envelope)}\n`);
        process.exitCode = EXIT.refused;
        return;
      }
      const core = openCore(global);
      try {
        if (isCommandName(name) && !contract[name].open) await unlock(core);
        envelope = await core.dispatch(name, input);
      } finally {
        core.close();
      }
      process.stdout.write(`${JSON.stringify(envelope)}\n`);
      process.exitCode = envelope.ok ? EXIT.ok : envelope.error.code === 'LOCKED' ? EXIT.locked : EXIT.refused;
    });
}
