import type { Command } from 'commander';
import { registerInit } from './commands/init';
import { registerContract } from './commands/contract';
import { registerCall } from './commands/call';
import { registerAudit } from './commands/audit';
import { registerIncidents } from './commands/incidents';

/** Subcommands; later modules add theirs (import, export, report, backup) next to these. */
export function registerCoreCommands(program: Command): void {
  registerInit(program);
  registerContract(program);
  registerCall(program);
  registerAudit(program);
  registerIncidents(program);
}
