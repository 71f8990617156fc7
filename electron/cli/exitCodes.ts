import type { ErrorCode } from '../../shared/envelope';

/** INTERFACES.md: 0 success; 1 ran and refused; 2 usage / unreadable file / missing tool; 3 locked or wrong passphrase. */
export const EXIT = { ok: 0, refused: 1, usage: 2, locked: 3 } as const;

export function exitCodeFor(code: ErrorCode): number {
  return code === 'LOCKED' ? EXIT.locked : EXIT.refused;
}

/** Raised inside a subcommand to stop with a message and an exit code. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
