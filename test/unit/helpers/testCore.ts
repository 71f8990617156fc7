import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type CreateCoreOptions } from '../../../electron/core';
import { silentLogger } from '../../../electron/core/log';
import type { Core } from '../../../electron/core/types';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';

export const PASSPHRASE = 'orange-lantern-river-71';

export function tempDir(prefix = 'vigil-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A core on a fresh data dir, with outputs checked against the contract and a cheap KDF. */
export function makeCore(options: Partial<CreateCoreOptions> = {}): Core {
  return createCore({
    dataDir: path.join(tempDir(), 'vault'),
    adapter: 'cli',
    logger: silentLogger,
    validateOutput: true,
    weakKdfForTests: true,
    ...options,
  });
}

export async function call<N extends CommandName>(core: Core, name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const envelope = await core.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as CommandOutput<N>;
}

export async function callRaw(core: Core, name: string, input: unknown): Promise<Envelope<unknown>> {
  return core.dispatch(name, input);
}

export async function makeUnlockedCore(options: Partial<CreateCoreOptions> & { demo?: boolean } = {}): Promise<Core> {
  const core = makeCore(options);
  await call(core, 'vault.create', {
    delegationName: 'Test delegation',
    officerName: 'Amina Diallo',
    timeZone: 'Africa/Nairobi',
    passphrase: PASSPHRASE,
    demo: options.demo ?? false,
  });
  return core;
}
