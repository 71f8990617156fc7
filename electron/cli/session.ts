import path from 'node:path';
import type { Envelope } from '../../shared/envelope';
import { createCore, defaultDataDir, type Core } from '../core';
import { createStderrLogger } from '../core/log';
import { CliExit, EXIT, exitCodeFor } from './exitCodes';
import { readPassphrase } from './passphrase';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  lang?: string;
}

export function openCore(options: GlobalOptions): Core {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : defaultDataDir();
  return createCore({ dataDir, adapter: 'cli', logger: createStderrLogger('core') });
}

/** Unlocks the vault for a command that needs it; a wrong passphrase or a missing vault stops the CLI. */
export async function unlock(core: Core): Promise<void> {
  const status = await core.dispatch('vault.status', {});
  if (status.ok && (status.value as { state: string }).state === 'absent') {
    throw new CliExit(EXIT.refused, `There is no vault in ${core.dataDir}. Create one with \`vigil init\`.`);
  }
  const passphrase = await readPassphrase('Vault passphrase: ');
  const result = await core.dispatch('vault.unlock', { passphrase });
  if (!result.ok) throw new CliExit(exitCodeFor(result.error.code) === EXIT.locked ? EXIT.locked : EXIT.refused, result.error.message);
}

/** Returns the value of an ok envelope or stops with the error's message and exit code. */
export function valueOf<T>(envelope: Envelope<unknown>): T {
  if (envelope.ok) return envelope.value as T;
  throw new CliExit(exitCodeFor(envelope.error.code), envelope.error.message);
}
