import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, requiredText, text } from './common';
import { ExportRequestSchema, ExportResultSchema, GridQuerySchema, GridViewSchema, pageOf } from './grid';
import { RISK_LEVEL_KEYS, RISK_MATRIX_PRESET_IDS } from '../presets/riskMatrices';

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dateFormat')
  .refine((s) => {
    // A malformed string is already reported by the regex: one problem per field.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'dateImpossible');

export const ScaleStepSchema = z.number().int('scaleStep').min(1, 'scaleStep').max(5, 'scaleStep');
export const RiskLevelKeySchema = z.enum(RISK_LEVEL_KEYS);

export const RISK_STATUSES = ['open', 'mitigated', 'accepted', 'closed'] as const;
export const RiskStatusSchema = z.enum(RISK_STATUSES);
export type RiskStatus = z.infer<typeof RiskStatusSchema>;

export const EXPOSED_GROUPS = ['nationalStaff', 'internationalStaff', 'volunteers', 'assets', 'operations'] as const;
export const ExposedGroupSchema = z.enum(EXPOSED_GROUPS);

/** The category list a new vault starts with; editable in settings (risks.setConfig). */
export const DEFAULT_RISK_CATEGORIES = [
  'armedConflict',
  'crime',
  'civilUnrest',
  'terrorism',
  'hazards',
  'health',
  'roadSafety',
  'other',
] as const;
export const CategoryKeySchema = z.string().trim().min(1, 'required').max(60);

export const RiskReferenceSchema = z.string().trim().regex(/^R-\d{3,6}$/, 'referenceFormat');

const riskFields = z.object({
  title: requiredText(300),
  threat: text(2000).default(''),
  cause: text(2000).default(''),
  consequence: text(2000).default(''),
  category: CategoryKeySchema,
  areaId: IdSchema.nullable().default(null),
  premisesId: IdSchema.nullable().default(null),
  /**
   * Every area and premises the risk concerns (any number). Left out, the single areaId / premisesId
   * stand for the list (older clients); given, the first of each becomes areaId / premisesId.
   */
  areaIds: z.array(IdSchema).max(100).optional(),
  premisesIds: z.array(IdSchema).max(100).optional(),
  programme: text(200).default(''),
  exposed: z.array(ExposedGroupSchema).max(5).default([]),
  inherentLikelihood: ScaleStepSchema,
  inherentImpact: ScaleStepSchema,
  residualLikelihood: ScaleStepSchema,
  residualImpact: ScaleStepSchema,
  owner: text(200).default(''),
  status: RiskStatusSchema.default('open'),
  acceptedBy: text(200).default(''),
  acceptedOn: CalendarDateSchema.nullable().default(null),
  acceptanceValidUntil: CalendarDateSchema.nullable().default(null),
  /** Empty: today + the configured review interval (6 months by default). */
  nextReview: CalendarDateSchema.nullable().default(null),
  notes: text(5000).default(''),
});

export const RiskInputSchema = riskFields.extend({
  /** Normally assigned (R-001, R-002, ...); given only by imports that keep the spreadsheet's numbers. */
  reference: RiskReferenceSchema.optional(),
  comment: text(2000).default(''),
});
export type RiskInput = z.input<typeof RiskInputSchema>;

export const RiskUpdateSchema = riskFields.extend({
  id: IdSchema,
  /** Why the risk changed: kept in its review history. */
  comment: text(2000).default(''),
});
export type RiskUpdate = z.input<typeof RiskUpdateSchema>;

export const RiskSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  title: z.string(),
  threat: z.string(),
  cause: z.string(),
  consequence: z.string(),
  category: z.string(),
  areaId: IdSchema.nullable(),
  areaPath: z.string().nullable(),
  premisesId: IdSchema.nullable(),
  premisesName: z.string().nullable(),
  areaIds: z.array(IdSchema),
  premisesIds: z.array(IdSchema),
  /** Area paths then premises names, "; " between: what the grid shows, filters on and exports. */
  locations: z.string(),
  programme: z.string(),
  exposed: z.array(ExposedGroupSchema),
  inherentLikelihood: z.number().int(),
  inherentImpact: z.number().int(),
  inherentLevel: RiskLevelKeySchema,
  residualLikelihood: z.number().int(),
  residualImpact: z.number().int(),
  residualLevel: RiskLevelKeySchema,
  owner: z.string(),
  status: RiskStatusSchema,
  acceptedBy: z.string(),
  acceptedOn: z.string().nullable(),
  acceptanceValidUntil: z.string().nullable(),
  nextReview: z.string(),
  reviewOverdue: z.boolean(),
  notes: z.string(),
  measureCount: z.number().int(),
  measureTitles: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Risk = z.infer<typeof RiskSchema>;

export const MEASURE_TYPES = ['acceptance', 'protection', 'deterrence'] as const;
export const MeasureTypeSchema = z.enum(MEASURE_TYPES);
export const MEASURE_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export const MeasureStatusSchema = z.enum(MEASURE_STATUSES);

const measureFields = z.object({
  title: requiredText(300),
  description: text(5000).default(''),
  type: MeasureTypeSchema,
  owner: text(200).default(''),
  status: MeasureStatusSchema.default('planned'),
  dueDate: CalendarDateSchema.nullable().default(null),
  costNote: text(500).default(''),
});

export const MeasureInputSchema = measureFields.extend({
  /** Risks the new measure mitigates, linked in the same transaction. */
  riskIds: z.array(IdSchema).max(200).default([]),
});
export type MeasureInput = z.input<typeof MeasureInputSchema>;
export const MeasureUpdateSchema = measureFields.extend({ id: IdSchema });

export const MeasureSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  type: MeasureTypeSchema,
  owner: z.string(),
  status: MeasureStatusSchema,
  dueDate: z.string().nullable(),
  costNote: z.string(),
  riskIds: z.array(IdSchema),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

export const REVIEW_KINDS = ['created', 'updated', 'reviewed', 'measureLinked', 'measureUnlinked', 'matrixChanged', 'imported'] as const;
export const ReviewKindSchema = z.enum(REVIEW_KINDS);

export const FieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const RiskReviewSchema = z.object({
  id: IdSchema,
  riskId: IdSchema,
  at: IsoTimeSchema,
  actor: z.string(),
  kind: ReviewKindSchema,
  changes: z.array(FieldChangeSchema),
  inherentLevelBefore: RiskLevelKeySchema.nullable(),
  inherentLevelAfter: RiskLevelKeySchema,
  residualLevelBefore: RiskLevelKeySchema.nullable(),
  residualLevelAfter: RiskLevelKeySchema,
  comment: z.string(),
});
export type RiskReview = z.infer<typeof RiskReviewSchema>;

export const RiskDetailSchema = z.object({
  risk: RiskSchema,
  measures: z.array(MeasureSchema),
  reviews: z.array(RiskReviewSchema),
});
export type RiskDetail = z.infer<typeof RiskDetailSchema>;

export const RiskMatrixSchema = z.object({
  preset: z.enum(RISK_MATRIX_PRESET_IDS),
  likelihoodLabels: z.array(z.string().max(60)).length(5),
  impactLabels: z.array(z.string().max(60)).length(5),
  cells: z.array(z.array(ScaleStepSchema).length(5)).length(5),
  colours: z
    .array(z.object({ fill: z.string().regex(/^#[0-9a-fA-F]{6}$/), ink: z.string().regex(/^#[0-9a-fA-F]{6}$/) }))
    .length(5),
});

export const RiskConfigSchema = z.object({
  matrix: RiskMatrixSchema,
  categories: z.array(CategoryKeySchema).min(1).max(100),
  reviewMonths: z.number().int().min(1).max(36),
});
export type RiskConfig = z.infer<typeof RiskConfigSchema>;

export const RiskConfigUpdateSchema = z.object({
  /** Choose a preset: its cells and colours replace the current ones unless `cells`/`colours` are given. */
  preset: z.enum(RISK_MATRIX_PRESET_IDS).optional(),
  cells: RiskMatrixSchema.shape.cells.optional(),
  colours: RiskMatrixSchema.shape.colours.optional(),
  categories: z.array(CategoryKeySchema).min(1).max(100).optional(),
  reviewMonths: z.number().int().min(1).max(36).optional(),
  comment: text(2000).default(''),
});

export const RISK_GROUP_BY = ['category', 'status', 'inherentLevel', 'residualLevel', 'owner'] as const;
export type RiskGroupBy = (typeof RISK_GROUP_BY)[number];
export const RiskGroupsInputSchema = z.object({
  by: z.enum(RISK_GROUP_BY),
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
});
export const RiskGroupsSchema = z.object({
  groups: z.array(z.object({ key: z.string(), count: z.number().int() })),
  total: z.number().int(),
  /** Risks of the view, not closed, whose review date has passed (delegation time zone). */
  overdue: z.number().int(),
});

export const HeatMapInputSchema = z.object({
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
});
const Counts5x5 = z.array(z.array(z.number().int()).length(5)).length(5);
export const HeatMapSchema = z.object({ inherent: Counts5x5, residual: Counts5x5, total: z.number().int() });
export type HeatMap = z.infer<typeof HeatMapSchema>;

export const RiskChangesInputSchema = z.object({ since: CalendarDateSchema });
export const RiskChangeSchema = z.object({
  risk: RiskSchema,
  /** The significant reviews of the period, newest first. */
  reviews: z.array(RiskReviewSchema),
  /** Levels at the start of the period (null: the risk was created in it) and after its last change. */
  inherentLevelBefore: RiskLevelKeySchema.nullable(),
  inherentLevelAfter: RiskLevelKeySchema,
  residualLevelBefore: RiskLevelKeySchema.nullable(),
  residualLevelAfter: RiskLevelKeySchema,
  /** Fields changed in the period ("measures" for a linked or unlinked measure), in register order. */
  changedFields: z.array(z.string()),
  measuresAdded: z.array(z.string()),
  measuresRemoved: z.array(z.string()),
  lastChangeAt: IsoTimeSchema,
  lastChangeBy: z.string(),
});
export type RiskChange = z.infer<typeof RiskChangeSchema>;
export const RiskChangesSchema = z.object({
  risks: z.array(RiskChangeSchema),
  /** The instant "since" stands for: the start of that day in the delegation time zone. */
  sinceInstant: IsoTimeSchema,
});
export type RiskChanges = z.infer<typeof RiskChangesSchema>;

export const RiskChangesExportSchema = z.object({
  since: CalendarDateSchema,
  format: z.enum(['csv', 'xlsx']),
  path: z.string().min(1).max(4096),
  lang: z.enum(['en', 'fr', 'es', 'ar']).optional(),
});

export const RiskReviewInputSchema = z.object({
  id: IdSchema,
  comment: text(2000).default(''),
  nextReview: CalendarDateSchema.nullable().default(null),
});
export const LinkInputSchema = z.object({ riskId: IdSchema, measureId: IdSchema, comment: text(2000).default('') });

/** Columns a grid can filter, sort and export by (the core whitelists these). */
export const RISK_COLUMNS = [
  'reference',
  'title',
  'category',
  'threat',
  'cause',
  'consequence',
  'areaPath',
  'premisesName',
  'locations',
  'programme',
  'exposed',
  'inherentLikelihood',
  'inherentImpact',
  'inherentLevel',
  'residualLikelihood',
  'residualImpact',
  'residualLevel',
  'measureTitles',
  'owner',
  'status',
  'acceptedBy',
  'acceptedOn',
  'acceptanceValidUntil',
  'nextReview',
  'notes',
  'updatedAt',
] as const;
export type RiskColumn = (typeof RISK_COLUMNS)[number];

export const RisksImportInputSchema = z.object({
  /** A full path, or `upload:<id>` from browser mode's upload. */
  file: z.string().min(1).max(4096),
  dryRun: z.boolean().default(false),
  sheet: z.union([z.string().max(100), z.number().int().min(1)]).optional(),
  /** Language of the problem messages; default: the vault's language setting. */
  lang: z.enum(['en', 'fr', 'es', 'ar']).optional(),
});

export const RiskImportProblemSchema = z.object({
  /** Spreadsheet row (header = row 1). */
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type RiskImportProblem = z.infer<typeof RiskImportProblemSchema>;

export const RisksImportReportSchema = z.object({
  format: z.enum(['csv', 'xlsx', 'json']),
  dryRun: z.boolean(),
  committed: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  problems: z.array(RiskImportProblemSchema),
  /** The file's columns and the field each was read as (null: ignored, e.g. computed levels). */
  columns: z.array(z.object({ name: z.string(), field: z.string().nullable() })),
  items: z.array(
    z.object({
      row: z.number().int(),
      reference: z.string().nullable(),
      title: z.string(),
      /** `update`: the reference already exists in the vault and that risk is updated. */
      action: z.enum(['create', 'update', 'invalid']),
      riskId: IdSchema.nullable(),
    }),
  ),
});
export type RisksImportReport = z.infer<typeof RisksImportReportSchema>;

export const risksCommands = {
  'risks.list': defineCommand('risks.list', GridQuerySchema, pageOf(RiskSchema)),
  'risks.get': defineCommand('risks.get', IdInputSchema, RiskDetailSchema),
  'risks.create': defineCommand('risks.create', RiskInputSchema, RiskSchema, { mutates: true }),
  'risks.update': defineCommand('risks.update', RiskUpdateSchema, RiskSchema, { mutates: true }),
  'risks.delete': defineCommand('risks.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'risks.review': defineCommand('risks.review', RiskReviewInputSchema, RiskSchema, { mutates: true }),
  'risks.groups': defineCommand('risks.groups', RiskGroupsInputSchema, RiskGroupsSchema),
  'risks.heatmap': defineCommand('risks.heatmap', HeatMapInputSchema, HeatMapSchema),
  'risks.changes': defineCommand('risks.changes', RiskChangesInputSchema, RiskChangesSchema),
  'risks.exportChanges': defineCommand('risks.exportChanges', RiskChangesExportSchema, ExportResultSchema),
  'risks.config': defineCommand('risks.config', z.object({}).default({}), RiskConfigSchema),
  'risks.setConfig': defineCommand('risks.setConfig', RiskConfigUpdateSchema, RiskConfigSchema, { mutates: true }),
  'risks.link': defineCommand('risks.link', LinkInputSchema, RiskDetailSchema, { mutates: true }),
  'risks.unlink': defineCommand('risks.unlink', LinkInputSchema, RiskDetailSchema, { mutates: true }),
  'risks.export': defineCommand('risks.export', ExportRequestSchema, ExportResultSchema),
  'risks.import': defineCommand('risks.import', RisksImportInputSchema, RisksImportReportSchema, { mutates: true }),
  'measures.list': defineCommand('measures.list', z.object({}).default({}), z.object({ rows: z.array(MeasureSchema) })),
  'measures.create': defineCommand('measures.create', MeasureInputSchema, MeasureSchema, { mutates: true }),
  'measures.update': defineCommand('measures.update', MeasureUpdateSchema, MeasureSchema, { mutates: true }),
  'measures.delete': defineCommand('measures.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
};
