import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';
import { ExportRequestSchema, ExportResultSchema, GridQuerySchema, pageOf } from './grid';
import { PremisesTypeSchema } from './premises';
import { ANSWER_TYPES, INSPECTION_SECTIONS } from '../presets/inspectionTemplates';
import { CHECK_VALUES } from '../domain/inspectionScoring';
import { EXPIRY_STATUSES, isCalendarDate } from '../domain/equipmentExpiry';

export const CalendarDateSchema = z.string().refine(isCalendarDate, { message: 'date' });
export const AnswerTypeSchema = z.enum(ANSWER_TYPES);
export const SectionSchema = z.enum(INSPECTION_SECTIONS);
export const CheckValueSchema = z.enum(CHECK_VALUES);
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

// ---- Templates ----
export const TEMPLATE_WEIGHT_MAX = 10;
export const TemplateItemInputSchema = z.object({
  /** Stable across versions so an inspection compares with the previous one item by item. */
  itemKey: text(100).optional(),
  presetKey: z.string().max(100).nullable().default(null),
  section: SectionSchema,
  label: requiredText(500),
  answerType: AnswerTypeSchema,
  weight: z.number().int().min(0).max(TEMPLATE_WEIGHT_MAX),
  critical: z.boolean().default(false),
  required: z.boolean().default(true),
  /** Evidence: at least one photo must be attached before the inspection can be finished (unless answered n.a.). */
  photoRequired: z.boolean().default(false),
});
export type TemplateItemInput = z.input<typeof TemplateItemInputSchema>;

export const TemplateSaveSchema = z.object({
  /** The template edited (a new version of its family), or null for a new template / a copy. */
  familyId: IdSchema.nullable().default(null),
  name: requiredText(200),
  premisesType: PremisesTypeSchema.nullable().default(null),
  passThreshold: z.number().min(0).max(100).default(80),
  /** An empty list is refused by the service with a clear message (issue `noItems` on `items`). */
  items: z.array(TemplateItemInputSchema).max(500),
});
export type TemplateSaveInput = z.input<typeof TemplateSaveSchema>;

export const TemplateItemSchema = z.object({
  id: IdSchema,
  itemKey: z.string(),
  presetKey: z.string().nullable(),
  section: SectionSchema,
  label: z.string(),
  answerType: AnswerTypeSchema,
  weight: z.number().int(),
  critical: z.boolean(),
  required: z.boolean(),
  photoRequired: z.boolean(),
});
export type TemplateItem = z.infer<typeof TemplateItemSchema>;

export const TemplateSummarySchema = z.object({
  id: IdSchema,
  familyId: IdSchema,
  version: z.number().int(),
  name: z.string(),
  presetKey: z.string().nullable(),
  premisesType: PremisesTypeSchema.nullable(),
  passThreshold: z.number(),
  itemCount: z.number().int(),
  createdAt: IsoTimeSchema,
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
export const TemplateSchema = TemplateSummarySchema.extend({ items: z.array(TemplateItemSchema) });
export type Template = z.infer<typeof TemplateSchema>;

/** One version of a template family, with the inspections that were run with it. */
export const TemplateVersionSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  name: z.string(),
  itemCount: z.number().int(),
  passThreshold: z.number(),
  createdAt: IsoTimeSchema,
  inspectionCount: z.number().int(),
  /** The most recent inspections of this version (at most 20), newest first. */
  inspections: z.array(
    z.object({ id: IdSchema, premisesName: z.string(), inspectedOn: z.string(), status: z.enum(['draft', 'finished']) }),
  ),
});
export type TemplateVersion = z.infer<typeof TemplateVersionSchema>;

// ---- Inspections ----
export const INSPECTION_STATUSES = ['draft', 'finished'] as const;

export const StartInspectionSchema = z.object({
  premisesId: IdSchema,
  templateId: IdSchema,
  inspector: text(200).optional(),
  inspectedOn: CalendarDateSchema.optional(),
});

export const AnswerSchema = z.object({
  inspectionId: IdSchema,
  itemId: IdSchema,
  /** check: yes/no/partial/na; number as text; YYYY-MM-DD; text; null clears. Checked per answer type. */
  value: z.string().max(5000).nullable().optional(),
  note: text(5000).optional(),
});

export const InspectionItemSchema = TemplateItemSchema.extend({
  value: z.string().nullable(),
  note: z.string(),
  photoIds: z.array(IdSchema),
  answeredAt: IsoTimeSchema.nullable(),
});
export type InspectionItem = z.infer<typeof InspectionItemSchema>;

export const SectionScoreSchema = z.object({ section: z.string(), score: z.number().nullable(), earned: z.number(), possible: z.number() });

export const ActionSchema = z.object({
  id: IdSchema,
  inspectionId: IdSchema,
  itemId: IdSchema,
  premisesId: IdSchema,
  premisesName: z.string(),
  inspectedOn: z.string(),
  section: z.string(),
  itemLabel: z.string(),
  title: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  overdue: z.boolean(),
  closingNote: z.string(),
  closedAt: IsoTimeSchema.nullable(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Action = z.infer<typeof ActionSchema>;

export const InspectionSummarySchema = z.object({
  id: IdSchema,
  premisesId: IdSchema,
  premisesName: z.string(),
  templateId: IdSchema,
  templateName: z.string(),
  templateVersion: z.number().int(),
  inspector: z.string(),
  inspectedOn: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  updatedAt: IsoTimeSchema,
});
export type InspectionSummary = z.infer<typeof InspectionSummarySchema>;

export const InspectionDetailSchema = InspectionSummarySchema.extend({
  passThreshold: z.number(),
  notes: z.string(),
  finishedAt: IsoTimeSchema.nullable(),
  items: z.array(InspectionItemSchema),
  sections: z.array(SectionScoreSchema),
  /** Live score of the answers so far (a draft's stored score is null). */
  liveScore: z.number().nullable(),
  livePassed: z.boolean(),
  failedItemIds: z.array(IdSchema),
  unansweredRequiredIds: z.array(IdSchema),
  actions: z.array(ActionSchema),
});
export type InspectionDetail = z.infer<typeof InspectionDetailSchema>;

export const INSPECTION_COLUMNS = ['premisesName', 'templateName', 'inspector', 'inspectedOn', 'status', 'score', 'passed'] as const;

export const CompareSchema = z.object({
  previous: InspectionSummarySchema.nullable(),
  items: z.array(
    z.object({
      itemKey: z.string(),
      section: z.string(),
      label: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
      change: z.enum(['improved', 'worse', 'unchanged', 'new', 'not_comparable']),
    }),
  ),
  counts: z.object({ improved: z.number().int(), worse: z.number().int(), unchanged: z.number().int() }),
});

export const AddPhotoSchema = z.object({
  inspectionId: IdSchema,
  itemId: IdSchema,
  /** A full path, or `upload:<id>` from browser mode's upload endpoint. */
  file: z.string().min(1).max(4096),
});

export const CreateActionsSchema = z.object({
  inspectionId: IdSchema,
  actions: z
    .array(z.object({ itemId: IdSchema, title: text(500).optional(), owner: text(200).default(''), dueDate: CalendarDateSchema.nullable().default(null) }))
    .min(1)
    .max(500),
});

export const ActionUpdateSchema = z.object({
  id: IdSchema,
  title: requiredText(500),
  owner: text(200).default(''),
  dueDate: CalendarDateSchema.nullable().default(null),
  status: z.enum(['open', 'done']),
  closingNote: text(5000).default(''),
});

export const ACTION_COLUMNS = ['premisesName', 'inspectedOn', 'section', 'title', 'owner', 'dueDate', 'status', 'closingNote'] as const;
export type ActionColumn = (typeof ACTION_COLUMNS)[number];

export const ReportRequestSchema = z.object({
  id: IdSchema,
  path: z.string().min(1).max(4096),
  paper: z.enum(['a4', 'letter']).default('a4'),
  lang: LanguageSchema.optional(),
  chromium: z.string().max(4096).optional(),
});

// ---- Equipment ----
export const EQUIPMENT_KINDS = ['fire_extinguisher', 'first_aid_kit', 'smoke_detector', 'satellite_phone', 'radio', 'generator', 'other'] as const;
export const EquipmentKindSchema = z.enum(EQUIPMENT_KINDS);
export type EquipmentKind = z.infer<typeof EquipmentKindSchema>;

const equipmentFields = z.object({
  premisesId: IdSchema,
  kind: EquipmentKindSchema,
  type: text(200).default(''),
  capacity: text(100).default(''),
  location: text(200).default(''),
  purchaseDate: CalendarDateSchema.nullable().default(null),
  lastCheck: CalendarDateSchema.nullable().default(null),
  expiryDate: CalendarDateSchema.nullable().default(null),
  nextCheck: CalendarDateSchema.nullable().default(null),
  notes: text(2000).default(''),
});
const expiryAfterPurchase = {
  check: (e: { purchaseDate: string | null; expiryDate: string | null }) => !e.purchaseDate || !e.expiryDate || e.expiryDate >= e.purchaseDate,
  params: { message: 'expiryBeforePurchase', path: ['expiryDate'] },
};
export const EquipmentInputSchema = equipmentFields.refine(expiryAfterPurchase.check, expiryAfterPurchase.params);
export type EquipmentInput = z.input<typeof EquipmentInputSchema>;
export const EquipmentUpdateSchema = equipmentFields.extend({ id: IdSchema }).refine(expiryAfterPurchase.check, expiryAfterPurchase.params);

export const EquipmentSchema = z.object({
  id: IdSchema,
  premisesId: IdSchema,
  premisesName: z.string(),
  kind: EquipmentKindSchema,
  type: z.string(),
  capacity: z.string(),
  location: z.string(),
  purchaseDate: z.string().nullable(),
  lastCheck: z.string().nullable(),
  expiryDate: z.string().nullable(),
  nextCheck: z.string().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(EXPIRY_STATUSES),
  notes: z.string(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Equipment = z.infer<typeof EquipmentSchema>;

export const EQUIPMENT_COLUMNS = [
  'premisesName',
  'kind',
  'type',
  'capacity',
  'location',
  'purchaseDate',
  'lastCheck',
  'expiryDate',
  'nextCheck',
  'status',
  'notes',
] as const;
export type EquipmentColumn = (typeof EQUIPMENT_COLUMNS)[number];

export const BoardSchema = z.object({
  overdueActions: z.number().int(),
  openActions: z.number().int(),
  equipmentDue: z.number().int(),
  equipmentOverdue: z.number().int(),
  drafts: z.number().int(),
});

const Ok = z.object({ id: IdSchema });

export const inspectionsCommands = {
  'inspections.listTemplates': defineCommand('inspections.listTemplates', z.object({}), z.array(TemplateSummarySchema)),
  'inspections.getTemplate': defineCommand('inspections.getTemplate', IdInputSchema, TemplateSchema),
  'inspections.saveTemplate': defineCommand('inspections.saveTemplate', TemplateSaveSchema, TemplateSchema, { mutates: true }),
  'inspections.templateVersions': defineCommand('inspections.templateVersions', z.object({ familyId: IdSchema }), z.array(TemplateVersionSchema)),
  'inspections.list': defineCommand('inspections.list', GridQuerySchema, pageOf(InspectionSummarySchema)),
  'inspections.get': defineCommand('inspections.get', IdInputSchema, InspectionDetailSchema),
  'inspections.start': defineCommand('inspections.start', StartInspectionSchema, InspectionDetailSchema, { mutates: true }),
  'inspections.answer': defineCommand('inspections.answer', AnswerSchema, InspectionDetailSchema, { mutates: true }),
  'inspections.addPhoto': defineCommand('inspections.addPhoto', AddPhotoSchema, z.object({ id: IdSchema, size: z.number().int(), mime: z.string() }), { mutates: true }),
  'inspections.getPhoto': defineCommand('inspections.getPhoto', IdInputSchema, z.object({ id: IdSchema, mime: z.string(), dataBase64: z.string() })),
  'inspections.deletePhoto': defineCommand('inspections.deletePhoto', IdInputSchema, Ok, { mutates: true }),
  'inspections.finish': defineCommand('inspections.finish', IdInputSchema, InspectionDetailSchema, { mutates: true }),
  'inspections.delete': defineCommand('inspections.delete', IdInputSchema, Ok, { mutates: true }),
  'inspections.compare': defineCommand('inspections.compare', IdInputSchema, CompareSchema),
  'inspections.createActions': defineCommand('inspections.createActions', CreateActionsSchema, z.array(ActionSchema), { mutates: true }),
  'inspections.listActions': defineCommand('inspections.listActions', GridQuerySchema, pageOf(ActionSchema)),
  'inspections.updateAction': defineCommand('inspections.updateAction', ActionUpdateSchema, ActionSchema, { mutates: true }),
  'inspections.exportActions': defineCommand('inspections.exportActions', ExportRequestSchema, ExportResultSchema),
  'inspections.report': defineCommand('inspections.report', ReportRequestSchema, ExportResultSchema.omit({ rows: true }).extend({ pages: z.number().int() })),
  'inspections.board': defineCommand('inspections.board', z.object({}), BoardSchema),
  'equipment.list': defineCommand('equipment.list', GridQuerySchema, pageOf(EquipmentSchema)),
  'equipment.create': defineCommand('equipment.create', EquipmentInputSchema, EquipmentSchema, { mutates: true }),
  'equipment.update': defineCommand('equipment.update', EquipmentUpdateSchema, EquipmentSchema, { mutates: true }),
  'equipment.delete': defineCommand('equipment.delete', IdInputSchema, Ok, { mutates: true }),
  'equipment.export': defineCommand('equipment.export', ExportRequestSchema, ExportResultSchema),
};
