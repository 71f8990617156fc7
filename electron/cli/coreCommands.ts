import type { Command } from 'commander';
import { registerInit } from './commands/init';
import { registerContract } from './commands/contract';
import { registerCall } from './commands/call';
import { registerAudit } from './commands/audit';
import { registerIncidents } from './commands/incidents';
import { registerErase } from './commands/erase';
import { registerRisks } from './commands/risks';
import { registerPlans } from './commands/plans';
import { registerMsr } from './commands/msr';
import { registerInspections } from './commands/inspections';
import { registerContacts } from './commands/contacts';
import { registerPeople } from './commands/people';
import { registerBackup } from './commands/backup';
import { registerHandover } from './commands/handover';
import { registerRosters } from './commands/rosters';
import { registerVerify } from './commands/verify';
import { registerReport } from './commands/report';

/** Subcommands; later modules add theirs (import, export, report, backup) next to these. */
export function registerCoreCommands(program: Command): void {
  registerInit(program);
  registerContract(program);
  registerCall(program);
  registerAudit(program);
  registerIncidents(program);
  registerErase(program);
  registerRisks(program);
  registerPlans(program);
  registerMsr(program);
  registerInspections(program);
  registerContacts(program);
  registerPeople(program);
  registerBackup(program);
  registerHandover(program);
  registerRosters(program);
  registerVerify(program);
  registerReport(program);
}
