import type { GlobalOptions } from './session';

/** --json: one JSON value on stdout; otherwise a line for people. */
export function printResult(options: GlobalOptions, value: unknown, human: string): void {
  process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${human}\n`);
}
