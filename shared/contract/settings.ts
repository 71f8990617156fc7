import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { LanguageSchema, requiredText, text, TimeZoneSchema } from './common';
import { PHASE_SCALE_IDS } from '../presets/phaseScales';

export const SettingsSchema = z.object({
  delegationName: z.string(),
  officerName: z.string(),
  organisationName: z.string(),
  timeZone: z.string(),
  language: LanguageSchema,
  phaseScale: z.enum(PHASE_SCALE_IDS),
  isDemo: z.boolean(),
  /** Idle minutes before the vault locks itself; never 0: an unattended laptop must not stay open. */
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsUpdateSchema = z
  .object({
    delegationName: requiredText(200),
    officerName: requiredText(200),
    organisationName: text(200),
    timeZone: TimeZoneSchema,
    language: LanguageSchema,
    phaseScale: z.enum(PHASE_SCALE_IDS),
    autoLockMinutes: z.number().int().min(1).max(240),
  })
  .partial();
export type SettingsUpdate = z.input<typeof SettingsUpdateSchema>;

export const settingsCommands = {
  'settings.get': defineCommand('settings.get', z.object({}).default({}), SettingsSchema),
  'settings.update': defineCommand('settings.update', SettingsUpdateSchema, SettingsSchema, { mutates: true }),
};
