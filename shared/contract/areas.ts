import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { PHASE_SCALE_IDS } from '../presets/phaseScales';

export const AREA_LEVELS = ['country', 'province', 'district', 'city'] as const;
export const AreaLevelSchema = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevelSchema>;

export const PhaseDeclarationSchema = z.object({
  id: IdSchema,
  areaId: IdSchema,
  areaName: z.string(),
  scale: z.enum(PHASE_SCALE_IDS),
  level: z.number().int(),
  reason: z.string(),
  declaredAt: IsoTimeSchema,
  declaredBy: z.string(),
});
export type PhaseDeclaration = z.infer<typeof PhaseDeclarationSchema>;

/** The phase in force on an area: its own latest declaration, else the nearest ancestor's. */
export const EffectivePhaseSchema = PhaseDeclarationSchema.extend({ inherited: z.boolean() });
export type EffectivePhase = z.infer<typeof EffectivePhaseSchema>;

export const AreaInputSchema = z.object({
  name: requiredText(200),
  level: AreaLevelSchema,
  parentId: IdSchema.nullable().default(null),
  notes: text(2000).default(''),
});
export type AreaInput = z.input<typeof AreaInputSchema>;

export const AreaSchema = z.object({
  id: IdSchema,
  name: z.string(),
  level: AreaLevelSchema,
  parentId: IdSchema.nullable(),
  notes: z.string(),
  /** "Country › Province › City", for pickers and exports. */
  path: z.string(),
  phase: EffectivePhaseSchema.nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Area = z.infer<typeof AreaSchema>;

export const PhaseDeclareInputSchema = z.object({
  areaId: IdSchema,
  level: z.number().int().min(1).max(6),
  reason: requiredText(2000),
});
export type PhaseDeclareInput = z.input<typeof PhaseDeclareInputSchema>;

export const areasCommands = {
  'areas.list': defineCommand('areas.list', z.object({}).default({}), z.array(AreaSchema)),
  'areas.create': defineCommand('areas.create', AreaInputSchema, AreaSchema, { mutates: true }),
  'areas.update': defineCommand('areas.update', AreaInputSchema.extend({ id: IdSchema }), AreaSchema, {
    mutates: true,
  }),
  'areas.delete': defineCommand('areas.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'phases.declare': defineCommand('phases.declare', PhaseDeclareInputSchema, PhaseDeclarationSchema, {
    mutates: true,
  }),
  'phases.history': defineCommand(
    'phases.history',
    z.object({ areaId: IdSchema.optional() }).default({}),
    z.array(PhaseDeclarationSchema),
  ),
};
