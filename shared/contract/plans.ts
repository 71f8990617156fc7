import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { ExportRequestSchema, ExportResultSchema } from './grid';
import { CalendarDateSchema } from './risks';

/** The six security-plan documents the MSR asks for, plus any other plan the delegation keeps. */
export const PLAN_KINDS = [
  'riskRegister',
  'securityRegulations',
  'medicalEvacuation',
  'relocation',
  'welcomeBrief',
  'criticalIncident',
  'other',
] as const;
export const PlanKindSchema = z.enum(PLAN_KINDS);
export type PlanKind = z.infer<typeof PlanKindSchema>;

/** Plans that are only trusted once exercised: they carry a "tested" date. */
export const TESTED_PLAN_KINDS: readonly PlanKind[] = ['relocation', 'criticalIncident'];

/** Versions are stored inside the encrypted database: 25 MB covers a long PDF with maps. */
export const MAX_PLAN_FILE_BYTES = 25 * 1024 * 1024;

export const PlanVersionSchema = z.object({
  id: IdSchema,
  planId: IdSchema,
  version: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: IsoTimeSchema,
  note: z.string(),
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

export const PlanSchema = z.object({
  id: IdSchema,
  kind: PlanKindSchema,
  title: z.string(),
  owner: z.string(),
  approvedBy: z.string(),
  approvedOn: z.string().nullable(),
  reviewDue: z.string(),
  /** Review date passed (delegation time zone). */
  reviewOverdue: z.boolean(),
  mustBeTested: z.boolean(),
  testedOn: z.string().nullable(),
  notes: z.string(),
  versions: z.array(PlanVersionSchema),
  /** The MSR items this plan satisfies. */
  msrItems: z.array(z.object({ id: IdSchema, code: z.string(), title: z.string() })),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Plan = z.infer<typeof PlanSchema>;

const planFields = z.object({
  kind: PlanKindSchema,
  title: requiredText(300),
  owner: text(200).default(''),
  /** Empty: today + 6 months. */
  reviewDue: CalendarDateSchema.nullable().default(null),
  testedOn: CalendarDateSchema.nullable().default(null),
  notes: text(5000).default(''),
  msrItemIds: z.array(IdSchema).max(200).default([]),
});
export const PlanInputSchema = planFields;
export type PlanInput = z.input<typeof PlanInputSchema>;
export const PlanUpdateSchema = planFields.extend({ id: IdSchema });

export const PlanVersionInputSchema = z.object({
  planId: IdSchema,
  /** A full path, or `upload:<id>` from browser mode's upload. */
  file: z.string().min(1).max(4096),
  note: text(2000).default(''),
});

export const PlanApproveSchema = z.object({
  id: IdSchema,
  /** Empty: the officer. */
  approvedBy: text(200).default(''),
  /** Empty: today. */
  approvedOn: CalendarDateSchema.nullable().default(null),
});

export const PlanDownloadSchema = z.object({ versionId: IdSchema, path: z.string().min(1).max(4096) });
export const PlanDownloadResultSchema = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() });

export const PlansListSchema = z.object({ rows: z.array(PlanSchema), overdue: z.number().int() });

export const PLAN_COLUMNS = ['kind', 'title', 'owner', 'approvedBy', 'approvedOn', 'reviewDue', 'reviewOverdue', 'testedOn', 'version', 'fileName', 'uploadedAt', 'msrItems', 'notes'] as const;

export const plansCommands = {
  'plans.list': defineCommand('plans.list', z.object({}).default({}), PlansListSchema),
  'plans.create': defineCommand('plans.create', PlanInputSchema, PlanSchema, { mutates: true }),
  'plans.update': defineCommand('plans.update', PlanUpdateSchema, PlanSchema, { mutates: true }),
  'plans.delete': defineCommand('plans.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'plans.addVersion': defineCommand('plans.addVersion', PlanVersionInputSchema, PlanSchema, { mutates: true }),
  'plans.approve': defineCommand('plans.approve', PlanApproveSchema, PlanSchema, { mutates: true }),
  'plans.downloadVersion': defineCommand('plans.downloadVersion', PlanDownloadSchema, PlanDownloadResultSchema),
  'plans.export': defineCommand('plans.export', ExportRequestSchema, ExportResultSchema),
};
