import type { z } from 'zod';
import { vaultCommands } from './vault';
import { settingsCommands } from './settings';
import { areasCommands } from './areas';
import { premisesCommands } from './premises';
import { incidentsCommands } from './incidents';
import { incidentTaxonomyCommands } from './incidentTaxonomy';
import { dailyLogCommands } from './dailyLog';
import { risksCommands } from './risks';
import { plansCommands } from './plans';
import { msrCommands } from './msr';
import { filesCommands } from './files';
import { auditCommands } from './audit';
import { dialogCommands } from './dialog';
import { contactsCommands } from './contacts';
import { inspectionsCommands } from './inspections';
import { peopleCommands } from './people';
import { movementsCommands } from './movements';
import { mapCommands } from './map';
import { backupCommands } from './backup';
import { rostersCommands } from './rosters';
import { reportsCommands } from './reports';

/** Every command Vigil answers. A module adds its commands here and nowhere else in shared/. */
export const contract = {
  ...vaultCommands,
  ...settingsCommands,
  ...areasCommands,
  ...premisesCommands,
  ...incidentsCommands,
  ...incidentTaxonomyCommands,
  ...dailyLogCommands,
  ...risksCommands,
  ...plansCommands,
  ...msrCommands,
  ...filesCommands,
  ...auditCommands,
  ...dialogCommands,
  ...contactsCommands,
  ...inspectionsCommands,
  ...peopleCommands,
  ...movementsCommands,
  ...mapCommands,
  ...backupCommands,
  ...rostersCommands,
  ...reportsCommands,
};

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<N extends CommandName> = z.input<Contract[N]['input']>;
export type CommandParsedInput<N extends CommandName> = z.output<Contract[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Contract[N]['output']>;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(contract, name);
}
