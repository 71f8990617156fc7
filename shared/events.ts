/**
 * Events pushed from core to every window / browser tab: `module.pastTense`. Payloads stay small; the
 * renderer refetches what it shows.
 */
export const EVENT_NAMES = [
  'vault.locked',
  'vault.unlocked',
  'settings.changed',
  'areas.changed',
  'phases.declared',
  'premises.changed',
  'incidents.changed',
  'incidents.importProgress',
  'dailyLog.changed',
  'risks.changed',
  'measures.changed',
  'msr.changed',
  'plans.changed',
  'inspections.changed',
  'equipment.changed',
  'contacts.changed', 'organisations.changed', 'interactions.changed',
  'people.changed', 'movements.changed',
  'backup.changed', 'backup.progress',
  'rosters.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface EventPayload {
  ids?: string[];
  /** Long jobs (backup.progress): how far along, done of total. */
  progress?: { done: number; total: number };
  /** Long jobs with steps (incidents.importProgress: reading, checking, writing): the current one. */
  phase?: string;
}

export interface VigilEvent {
  name: EventName;
  payload: EventPayload;
}
