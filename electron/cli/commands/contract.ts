import type { Command } from 'commander';
import { z } from 'zod';
import { contract } from '../../../shared/contract';

/** `vigil commands`: the whole contract as JSON Schema, for scripts; needs no vault and no passphrase. */
export function describeContract(): Array<{ name: string; input: unknown; output: unknown; mutates: boolean; secret: boolean }> {
  return Object.values(contract).map((def) => ({
    name: def.name,
    input: z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }),
    mutates: Boolean(def.mutates),
    secret: Boolean(def.secret),
  }));
}

export function registerContract(program: Command): void {
  program
    .command('commands')
    .description('print every command with its input and output as JSON Schema')
    .action(() => {
      process.stdout.write(`${JSON.stringify(describeContract())}\n`);
    });
}
