import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema } from './common';
import { REPORT_KINDS } from '../domain/incidentDeadlines';

export const ReportKindSchema = z.enum(REPORT_KINDS);

const hours = z.number().min(0).max(24 * 30);
export const ReportingSettingsSchema = z.object({ manager: hours, regional: hours, written: hours });

export const ReportDeadlineSchema = z.object({
  kind: ReportKindSchema,
  dueAt: IsoTimeSchema,
  doneAt: IsoTimeSchema.nullable(),
  status: z.enum(['done', 'done_late', 'pending', 'overdue']),
});
export type ReportDeadlineView = z.infer<typeof ReportDeadlineSchema>;

export const IncidentReportingSchema = z.object({ incidentId: IdSchema, applies: z.boolean(), deadlines: z.array(ReportDeadlineSchema) });

export const RecordReportSchema = z.object({
  id: IdSchema,
  kind: ReportKindSchema,
  /** When the report was made; absent: now. `null` clears a report recorded by mistake. */
  at: IsoTimeSchema.nullable().optional(),
});

export const ReportingBoardSchema = z.object({
  overdueCount: z.number().int(),
  overdue: z.array(z.object({ id: IdSchema, date: z.string(), category: z.string(), placeName: z.string(), kinds: z.array(ReportKindSchema) })),
});

/** Files attached to an incident, kept inside the encrypted vault. */
/** 25 MB, counted as the file managers and formatBytes count (10^6). */
export const MAX_ATTACHMENT_BYTES = 25_000_000;
export const AttachmentSchema = z.object({
  id: IdSchema,
  incidentId: IdSchema,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: IsoTimeSchema,
  createdBy: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
export const AddAttachmentSchema = z.object({
  incidentId: IdSchema,
  /** A full path, or `upload:<id>` from browser mode's upload endpoint. */
  file: z.string().min(1).max(4096),
});
export const SaveAttachmentSchema = z.object({ id: IdSchema, path: z.string().min(1).max(4096) });

export const incidentReportingCommands = {
  'incidents.reporting': defineCommand('incidents.reporting', IdInputSchema, IncidentReportingSchema),
  'incidents.recordReport': defineCommand('incidents.recordReport', RecordReportSchema, IncidentReportingSchema, { mutates: true }),
  'incidents.reportingBoard': defineCommand('incidents.reportingBoard', z.object({}).default({}), ReportingBoardSchema),
  'incidents.reportingSettings': defineCommand('incidents.reportingSettings', z.object({}).default({}), ReportingSettingsSchema),
  'incidents.updateReportingSettings': defineCommand('incidents.updateReportingSettings', ReportingSettingsSchema, ReportingSettingsSchema, { mutates: true }),
  'incidents.attachments': defineCommand('incidents.attachments', z.object({ incidentId: IdSchema }), z.array(AttachmentSchema)),
  'incidents.addAttachment': defineCommand('incidents.addAttachment', AddAttachmentSchema, AttachmentSchema, { mutates: true }),
  'incidents.saveAttachment': defineCommand('incidents.saveAttachment', SaveAttachmentSchema, z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() })),
  'incidents.deleteAttachment': defineCommand('incidents.deleteAttachment', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
};
