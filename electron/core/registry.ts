import type { CommandName, CommandOutput, CommandParsedInput } from '../../shared/contract';
import type { CommandContext } from './context';
import { vaultHandlers } from './services/vaultService';
import { settingsHandlers } from './services/settingsService';
import { areasHandlers } from './services/areasService';
import { premisesHandlers } from './services/premisesService';
import { incidentsHandlers } from './services/incidentsService';
import { incidentTaxonomyHandlers } from './services/incidentTaxonomyService';
import { dailyLogHandlers } from './services/dailyLogService';
import { risksHandlers } from './services/risksService';
import { risksImportHandlers } from './import/risksImport';
import { plansHandlers } from './services/plansService';
import { msrHandlers } from './services/msrService';
import { filesHandlers } from './services/filesService';
import { auditHandlers } from './services/auditService';
import { contactsHandlers } from './services/contactsService';
import { inspectionsHandlers } from './services/inspectionsService';
import { peopleHandlers } from './services/peopleService';
import { movementsHandlers } from './services/movementsService';
import { incidentsMapHandlers } from './services/incidentsMapService';
import { mapHandlers } from './services/mapService';
import { backupHandlers } from './services/backupService';
import { rostersHandlers } from './services/rostersService';
import { reportsHandlers } from './services/reportsService';

export type Handler<N extends CommandName> = (
  ctx: CommandContext,
  input: CommandParsedInput<N>,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type Handlers<N extends CommandName> = { [K in N]: Handler<K> };

/** Commands that only an adapter can answer (native dialogs); core has no handler for them. */
export type HostOnlyCommand = 'dialog.saveFile' | 'dialog.openFile';

/** Every core command maps to exactly one service function; the type makes a missing one a compile error. */
export const handlers: Handlers<Exclude<CommandName, HostOnlyCommand>> = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...areasHandlers,
  ...premisesHandlers,
  ...incidentsHandlers,
  ...incidentTaxonomyHandlers,
  ...dailyLogHandlers,
  ...risksHandlers,
  ...risksImportHandlers,
  ...plansHandlers,
  ...msrHandlers,
  ...filesHandlers,
  ...auditHandlers,
  ...contactsHandlers,
  ...inspectionsHandlers,
  ...peopleHandlers,
  ...movementsHandlers,
  ...incidentsMapHandlers,
  ...mapHandlers,
  ...backupHandlers,
  ...rostersHandlers,
  ...reportsHandlers,
};
