import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { EffectivePhaseSchema } from './areas';
import { ExportRequestSchema, ExportResultSchema, GridQuerySchema, pageOf } from './grid';
import { hasBothOrNeither, LatitudeSchema, LongitudeSchema } from '../domain/geo';

export const PREMISES_TYPES = ['office', 'residence', 'warehouse', 'guest_house', 'other'] as const;
export const PremisesTypeSchema = z.enum(PREMISES_TYPES);
export type PremisesType = z.infer<typeof PremisesTypeSchema>;

const premisesFields = z.object({
  name: requiredText(200),
  type: PremisesTypeSchema,
  areaId: IdSchema.nullable().default(null),
  address: text(500).default(''),
  latitude: LatitudeSchema.nullable().default(null),
  longitude: LongitudeSchema.nullable().default(null),
  focalPoint: text(200).default(''),
  safeRoom: z.boolean().default(false),
  safeRoomNotes: text(2000).default(''),
  notes: text(5000).default(''),
});

const bothCoordinates = {
  message: 'coordinatesPair',
  path: ['longitude'],
};

export const PremisesInputSchema = premisesFields.refine(
  (p) => hasBothOrNeither(p.latitude, p.longitude),
  bothCoordinates,
);
export type PremisesInput = z.input<typeof PremisesInputSchema>;

export const PremisesUpdateSchema = premisesFields
  .extend({ id: IdSchema })
  .refine((p) => hasBothOrNeither(p.latitude, p.longitude), bothCoordinates);

export const PremisesSchema = z.object({
  id: IdSchema,
  name: z.string(),
  type: PremisesTypeSchema,
  areaId: IdSchema.nullable(),
  areaPath: z.string().nullable(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  focalPoint: z.string(),
  safeRoom: z.boolean(),
  safeRoomNotes: z.string(),
  notes: z.string(),
  phase: EffectivePhaseSchema.nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Premises = z.infer<typeof PremisesSchema>;

/** Columns a grid can filter, sort and export by (the core whitelists these). */
export const PREMISES_COLUMNS = [
  'name',
  'type',
  'areaPath',
  'address',
  'latitude',
  'longitude',
  'focalPoint',
  'safeRoom',
  'safeRoomNotes',
  'phase',
  'notes',
  'updatedAt',
] as const;
export type PremisesColumn = (typeof PREMISES_COLUMNS)[number];

export const premisesCommands = {
  'premises.list': defineCommand('premises.list', GridQuerySchema, pageOf(PremisesSchema)),
  'premises.get': defineCommand('premises.get', IdInputSchema, PremisesSchema),
  'premises.create': defineCommand('premises.create', PremisesInputSchema, PremisesSchema, { mutates: true }),
  'premises.update': defineCommand('premises.update', PremisesUpdateSchema, PremisesSchema, { mutates: true }),
  'premises.delete': defineCommand('premises.delete', IdInputSchema, z.object({ id: IdSchema }), {
    mutates: true,
  }),
  'premises.export': defineCommand('premises.export', ExportRequestSchema, ExportResultSchema),
};
