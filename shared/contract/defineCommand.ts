import type { z } from 'zod';

export interface CommandOptions {
  /** Writes to the vault: dispatch wraps it in the audit trail and it is refused on a locked vault. */
  mutates?: boolean;
  /** Carries a passphrase or password: refused by `vigil call`, never logged with its input. */
  secret?: boolean;
  /** Works without an unlocked vault (vault lifecycle, contract listing). */
  open?: boolean;
}

export interface CommandDef<N extends string, I extends z.ZodType, O extends z.ZodType> extends CommandOptions {
  name: N;
  input: I;
  output: O;
}

export function defineCommand<N extends string, I extends z.ZodType, O extends z.ZodType>(
  name: N,
  input: I,
  output: O,
  options: CommandOptions = {},
): CommandDef<N, I, O> {
  return { name, input, output, ...options };
}
