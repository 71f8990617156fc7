import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { IncidentSchema } from './incidents';
import { hasBothOrNeither, LatitudeSchema, LongitudeSchema } from '../domain/geo';
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from '../presets/admiralty';

export const SOURCE_TYPES = ['media', 'partner', 'insoUndss', 'authority', 'staff', 'socialMedia', 'other'] as const;
export const SourceTypeSchema = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof SourceTypeSchema>;
export const SourceReliabilitySchema = z.enum(SOURCE_RELIABILITY);
export const InformationCredibilitySchema = z.enum(INFORMATION_CREDIBILITY);

const entryFields = z.object({
  source: text(300).default(''),
  sourceType: SourceTypeSchema.default('other'),
  // Unjudged until the officer says otherwise: F and 6 are the admiralty code's "cannot be judged".
  reliability: SourceReliabilitySchema.default('F'),
  credibility: InformationCredibilitySchema.default('6'),
  areaId: IdSchema.nullable().default(null),
  placeName: text(300).default(''),
  latitude: LatitudeSchema.nullable().default(null),
  longitude: LongitudeSchema.nullable().default(null),
  summary: requiredText(5000),
  tags: z.array(requiredText(60)).max(30).default([]),
  followUp: text(2000).default(''),
});

const bothCoordinates = { message: 'coordinatesPair', path: ['longitude'] };

export const DailyLogInputSchema = entryFields
  .extend({
    /** When it happened or was heard; omitted: now. */
    occurredAt: IsoTimeSchema.optional(),
  })
  .refine((p) => hasBothOrNeither(p.latitude, p.longitude), bothCoordinates);
export type DailyLogInput = z.input<typeof DailyLogInputSchema>;

export const DailyLogUpdateSchema = entryFields
  .extend({ id: IdSchema, occurredAt: IsoTimeSchema })
  .refine((p) => hasBothOrNeither(p.latitude, p.longitude), bothCoordinates);

export const DailyLogEntrySchema = entryFields.extend({
  id: IdSchema,
  occurredAt: IsoTimeSchema,
  /** The delegation-time-zone day it belongs to (YYYY-MM-DD). */
  day: z.string(),
  areaPath: z.string().nullable(),
  promotedIncidentId: IdSchema.nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type DailyLogEntry = z.infer<typeof DailyLogEntrySchema>;

export const DailyLogListInputSchema = z.object({
  /** A day in the delegation time zone; omitted: today there. */
  day: z.iso.date().optional(),
});

export const dailyLogCommands = {
  'dailyLog.list': defineCommand(
    'dailyLog.list',
    DailyLogListInputSchema,
    z.object({ day: z.iso.date(), timeZone: z.string(), entries: z.array(DailyLogEntrySchema) }),
  ),
  'dailyLog.get': defineCommand('dailyLog.get', IdInputSchema, DailyLogEntrySchema),
  'dailyLog.create': defineCommand('dailyLog.create', DailyLogInputSchema, DailyLogEntrySchema, { mutates: true }),
  'dailyLog.update': defineCommand('dailyLog.update', DailyLogUpdateSchema, DailyLogEntrySchema, { mutates: true }),
  'dailyLog.delete': defineCommand('dailyLog.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  /** Creates an incident prefilled from the entry; entry and incident point at each other. */
  'dailyLog.promote': defineCommand(
    'dailyLog.promote',
    IdInputSchema,
    z.object({ entry: DailyLogEntrySchema, incident: IncidentSchema }),
    { mutates: true },
  ),
  /** The entry an incident was promoted from, if any. */
  'dailyLog.forIncident': defineCommand('dailyLog.forIncident', z.object({ incidentId: IdSchema }), DailyLogEntrySchema.nullable()),
  'dailyLog.summary': defineCommand('dailyLog.summary', z.object({}), z.object({ day: z.iso.date(), count: z.number().int() })),
};
