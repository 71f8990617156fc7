import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IsoTimeSchema, LanguageSchema, text } from './common';

export const REPORT_KINDS = ['weekly', 'quarterly'] as const;
export const ReportKindSchema = z.enum(REPORT_KINDS);
export type ReportKindName = z.infer<typeof ReportKindSchema>;

/** `YYYY-Www` for a weekly report, `YYYY-Qn` for a quarterly one (checked against the kind by core). */
export const ReportPeriodIdSchema = z.string().trim().regex(/^\d{4}-(W\d{2}|Q[1-4])$/, { message: 'period' });
export const SectionIdSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,49}$/);
export const PAPERS = ['a4', 'letter'] as const;
export const REPORT_FORMATS = ['pdf', 'xlsx', 'docx'] as const;

export const ReportPeriodSchema = z.object({
  kind: ReportKindSchema,
  id: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  start: IsoTimeSchema,
  end: IsoTimeSchema,
  timeZone: z.string(),
});
export type ReportPeriodInfo = z.infer<typeof ReportPeriodSchema>;

export const ReportOptionsInputSchema = z.object({ kind: ReportKindSchema.default('weekly'), lang: LanguageSchema.optional() });
export const ReportOptionsSchema = z.object({
  kind: ReportKindSchema,
  defaultPeriod: z.string(),
  /** Recent periods, newest (the last complete one) first. */
  periods: z.array(ReportPeriodSchema),
  /** Every registered section in report order, with its title and the stored on/off choice. */
  sections: z.array(z.object({ id: z.string(), title: z.string(), enabled: z.boolean(), optional: z.boolean() })),
});

export const ReportSummaryKeySchema = z.object({ kind: ReportKindSchema, period: ReportPeriodIdSchema });
export const ReportSummarySchema = z.object({
  kind: ReportKindSchema,
  period: z.string(),
  text: z.string(),
  updatedAt: IsoTimeSchema.nullable(),
  updatedBy: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ReportSummarySaveSchema = ReportSummaryKeySchema.extend({ text: text(20_000) });

export const ReportSectionsSaveSchema = z.object({ kind: ReportKindSchema, disabled: z.array(SectionIdSchema).max(100) });

/** What a report is made of: the same input previews and exports. */
export const ReportInputSchema = z.object({
  kind: ReportKindSchema,
  /** Default: the last complete period in the delegation time zone. */
  period: ReportPeriodIdSchema.optional(),
  lang: LanguageSchema.optional(),
  /** Restricted incidents are left out unless asked for. */
  includeRestricted: z.boolean().default(false),
  /** Sections to leave out; default: the stored choice for this kind. */
  disabled: z.array(SectionIdSchema).max(100).optional(),
  paper: z.enum(PAPERS).default('a4'),
});
export type ReportInput = z.input<typeof ReportInputSchema>;

export const ReportPreviewSchema = z.object({ html: z.string(), period: ReportPeriodSchema, sections: z.array(z.string()) });

export const ReportExportSchema = ReportInputSchema.extend({
  format: z.enum(REPORT_FORMATS),
  path: z.string().min(1).max(4096),
  chromium: z.string().max(4096).optional(),
});
export type ReportExportRequest = z.input<typeof ReportExportSchema>;

export const ReportExportResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
  format: z.enum(REPORT_FORMATS),
  period: z.string(),
  /** PDF only. */
  pages: z.number().int().nullable(),
  sections: z.array(z.string()),
});
export type ReportExportResult = z.infer<typeof ReportExportResultSchema>;

/** The report logo: PNG or JPEG only (recognised by content, not by name), at most this size. */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const ReportLogoSetSchema = z.object({
  /** A full path (desktop, CLI) or `upload:<id>` (browser mode). */
  file: z.string().min(1).max(4096),
});
export const ReportLogoSchema = z.object({
  /** `data:image/png;base64,...` or `data:image/jpeg;base64,...`; null: no logo on reports. */
  logo: z.string().nullable(),
  mime: z.enum(['image/png', 'image/jpeg']).nullable(),
  bytes: z.number().int().nullable(),
});
export type ReportLogo = z.infer<typeof ReportLogoSchema>;

export const reportsCommands = {
  'reports.options': defineCommand('reports.options', ReportOptionsInputSchema, ReportOptionsSchema),
  'reports.getSummary': defineCommand('reports.getSummary', ReportSummaryKeySchema, ReportSummarySchema),
  'reports.saveSummary': defineCommand('reports.saveSummary', ReportSummarySaveSchema, ReportSummarySchema, { mutates: true }),
  'reports.saveSections': defineCommand('reports.saveSections', ReportSectionsSaveSchema, z.object({ disabled: z.array(z.string()) }), {
    mutates: true,
  }),
  'reports.getLogo': defineCommand('reports.getLogo', z.object({}).default({}), ReportLogoSchema),
  'reports.setLogo': defineCommand('reports.setLogo', ReportLogoSetSchema, ReportLogoSchema, { mutates: true }),
  'reports.clearLogo': defineCommand('reports.clearLogo', z.object({}).default({}), ReportLogoSchema, { mutates: true }),
  'reports.preview': defineCommand('reports.preview', ReportInputSchema, ReportPreviewSchema),
  'reports.export': defineCommand('reports.export', ReportExportSchema, ReportExportResultSchema),
};
