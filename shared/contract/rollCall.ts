import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IsoTimeSchema, requiredText, text } from './common';
import { CalendarDateSchema } from './people';
import { isClockTime, ROLL_CALL_STATUSES } from '../domain/rollCall';

export const RollCallStatusSchema = z.enum(ROLL_CALL_STATUSES);
export const ClockTimeSchema = z.string().refine(isClockTime, { message: 'invalidTime' });

export const RollCallSettingsSchema = z.object({ times: z.array(ClockTimeSchema).min(1, 'required').max(12) });

export const RollCallEntrySchema = z.object({
  callSign: z.string(),
  /** Who answers to it: a person or a vehicle of the registers. */
  source: z.enum(['person', 'vehicle']),
  label: z.string(),
  check: z
    .object({ status: RollCallStatusSchema, relayedBy: z.string(), note: z.string(), checkedAt: IsoTimeSchema, checkedBy: z.string() })
    .nullable(),
});
export type RollCallEntry = z.infer<typeof RollCallEntrySchema>;

export const RollCallSheetSchema = z.object({
  day: z.string(),
  slot: z.string(),
  times: z.array(z.string()),
  entries: z.array(RollCallEntrySchema),
});

export const RecordCheckSchema = z
  .object({
    day: CalendarDateSchema,
    slot: ClockTimeSchema,
    callSign: requiredText(50),
    status: RollCallStatusSchema,
    relayedBy: text(200).default(''),
    note: text(1000).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.status === 'relayed' && !c.relayedBy) ctx.addIssue({ code: 'custom', message: 'relayedByRequired', path: ['relayedBy'] });
  });

export const RollCallBoardSchema = z.object({
  missed: z.array(z.object({ day: z.string(), slot: z.string(), at: IsoTimeSchema, unchecked: z.array(z.string()) })),
  next: z.object({ day: z.string(), slot: z.string() }).nullable(),
});

export const rollCallCommands = {
  'rollCall.sheet': defineCommand('rollCall.sheet', z.object({ day: CalendarDateSchema.optional(), slot: ClockTimeSchema.optional() }), RollCallSheetSchema),
  'rollCall.record': defineCommand('rollCall.record', RecordCheckSchema, RollCallSheetSchema, { mutates: true }),
  'rollCall.board': defineCommand('rollCall.board', z.object({}).default({}), RollCallBoardSchema),
  'rollCall.settings': defineCommand('rollCall.settings', z.object({}).default({}), RollCallSettingsSchema),
  'rollCall.updateSettings': defineCommand('rollCall.updateSettings', RollCallSettingsSchema, RollCallSettingsSchema, { mutates: true }),
};
