import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { ExportFormatSchema, ExportResultSchema } from './grid';
import { CalendarDateSchema } from './risks';
import { MSR_STATUSES } from '../domain/msrCompliance';
import { MSR_PARTS } from '../presets/msrIfrc';

export const MsrStatusSchema = z.enum(MSR_STATUSES);
export const MsrPartSchema = z
  .number()
  .int()
  .refine((n) => (MSR_PARTS as readonly number[]).includes(n), 'msrPart');

/** Evidence files are kept inside the encrypted database: 10 MB is plenty for a scan or a signed PDF. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const MsrCodeSchema = z.string().trim().regex(/^[A-Z]{2,6}-\d{1,2}\.\d{1,3}$/, 'msrCodeFormat');

export const MsrEvidenceFileSchema = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  addedAt: IsoTimeSchema,
});

export const MsrItemSchema = z.object({
  id: IdSchema,
  code: z.string(),
  part: z.number().int(),
  title: z.string(),
  description: z.string(),
  origin: z.enum(['preset', 'custom']),
  status: MsrStatusSchema,
  evidenceNote: z.string(),
  evidenceDate: z.string().nullable(),
  evidenceFile: MsrEvidenceFileSchema.nullable(),
  responsible: z.string(),
  dueDate: z.string().nullable(),
  measureIds: z.array(IdSchema),
  measureTitles: z.array(z.string()),
  updatedAt: IsoTimeSchema,
});
export type MsrItem = z.infer<typeof MsrItemSchema>;

const FigureSchema = z.object({
  percent: z.number().nullable(),
  applicable: z.number().int(),
  counts: z.record(MsrStatusSchema, z.number().int()),
});
export const MsrSummarySchema = z.object({
  overall: FigureSchema,
  parts: z.array(FigureSchema.extend({ part: z.number().int() })),
});
export type MsrSummary = z.infer<typeof MsrSummarySchema>;

export const MsrListSchema = z.object({ items: z.array(MsrItemSchema), summary: MsrSummarySchema });

export const MsrItemCreateSchema = z.object({
  part: MsrPartSchema,
  /** Empty: the next free ORG-<part>.<n>. */
  code: MsrCodeSchema.optional(),
  title: requiredText(1000),
  description: text(5000).default(''),
});

export const MsrItemUpdateSchema = z.object({
  id: IdSchema,
  title: requiredText(1000),
  description: text(5000).default(''),
  status: MsrStatusSchema,
  evidenceNote: text(5000).default(''),
  evidenceDate: CalendarDateSchema.nullable().default(null),
  responsible: text(200).default(''),
  dueDate: CalendarDateSchema.nullable().default(null),
  measureIds: z.array(IdSchema).max(200).default([]),
});
export type MsrItemUpdate = z.input<typeof MsrItemUpdateSchema>;

export const MsrEvidenceInputSchema = z.object({
  id: IdSchema,
  /** A full path (desktop, CLI) or `upload:<id>` (browser mode). */
  file: z.string().min(1).max(4096),
});

export const MsrSnapshotSchema = z.object({
  id: IdSchema,
  takenAt: IsoTimeSchema,
  actor: z.string(),
  note: z.string(),
  summary: MsrSummarySchema,
});
export type MsrSnapshot = z.infer<typeof MsrSnapshotSchema>;

export const MsrSnapshotInputSchema = z.object({ note: text(2000).default('') });

export const MsrCompareInputSchema = z.object({
  /** The newer assessment; by default the latest one. */
  id: IdSchema.optional(),
});
export const MsrChangeSchema = z.object({
  code: z.string(),
  part: z.number().int(),
  title: z.string(),
  before: MsrStatusSchema.nullable(),
  after: MsrStatusSchema.nullable(),
  direction: z.enum(['improved', 'worsened', 'changed', 'added', 'removed']),
});
export const MsrCompareSchema = z.object({
  current: MsrSnapshotSchema.nullable(),
  previous: MsrSnapshotSchema.nullable(),
  changes: z.array(MsrChangeSchema),
});
export type MsrCompare = z.infer<typeof MsrCompareSchema>;

export const MsrExportSchema = z.object({
  format: ExportFormatSchema,
  path: z.string().min(1).max(4096),
  lang: z.enum(['en', 'fr', 'es', 'ar']).optional(),
});

export const msrCommands = {
  'msr.list': defineCommand('msr.list', z.object({}).default({}), MsrListSchema),
  'msr.createItem': defineCommand('msr.createItem', MsrItemCreateSchema, MsrItemSchema, { mutates: true }),
  'msr.updateItem': defineCommand('msr.updateItem', MsrItemUpdateSchema, MsrItemSchema, { mutates: true }),
  'msr.deleteItem': defineCommand('msr.deleteItem', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'msr.attachEvidence': defineCommand('msr.attachEvidence', MsrEvidenceInputSchema, MsrItemSchema, { mutates: true }),
  'msr.removeEvidence': defineCommand('msr.removeEvidence', IdInputSchema, MsrItemSchema, { mutates: true }),
  'msr.snapshot': defineCommand('msr.snapshot', MsrSnapshotInputSchema, MsrSnapshotSchema, { mutates: true }),
  'msr.snapshots': defineCommand('msr.snapshots', z.object({}).default({}), z.object({ rows: z.array(MsrSnapshotSchema) })),
  'msr.compare': defineCommand('msr.compare', MsrCompareInputSchema, MsrCompareSchema),
  'msr.export': defineCommand('msr.export', MsrExportSchema, ExportResultSchema),
};
