import { CliExit, EXIT } from './exitCodes';

/**
 * The passphrase comes from VIGIL_PASSPHRASE or an interactive prompt with echo off, never from argv
 * (argv is visible to every user in `ps` and lands in shell history).
 */
export async function readPassphrase(prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env.VIGIL_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    throw new CliExit(EXIT.usage, 'No passphrase: set VIGIL_PASSPHRASE or run in a terminal to be asked for it.');
  }
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (result: string | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (result === null) reject(new CliExit(EXIT.usage, 'Cancelled.'));
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(value);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
