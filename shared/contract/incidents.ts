import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, text } from './common';
import { GridViewSchema, MAX_PAGE_ROWS, ExportResultSchema } from './grid';
import { hasBothOrNeither, LatitudeSchema, LongitudeSchema } from '../domain/geo';
import { isPartialDate } from '../domain/partialDate';
import { incidentReportingCommands, ReportKindSchema } from './incidentReporting';
import { IncidentTaxonomySchema, TaxonomyFieldSchema } from './incidentTaxonomy';

export const LOCATION_PRECISIONS = ['exact', 'km5', 'km25', 'admin', 'country'] as const;
export const LocationPrecisionSchema = z.enum(LOCATION_PRECISIONS);
export const SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export const CONFIDENTIALITIES = ['normal', 'restricted'] as const;
export const ConfidentialitySchema = z.enum(CONFIDENTIALITIES);
export const DATE_PRECISIONS = ['year', 'month', 'day', 'time'] as const;
export const DatePrecisionSchema = z.enum(DATE_PRECISIONS);

/** `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a UTC instant `YYYY-MM-DDTHH:MM:SS(.sss)Z`: never an invented day. */
export const PartialDateSchema = z.string().trim().refine(isPartialDate, { message: 'partialDate' });

const count = z.number().int().min(0).max(1_000_000).nullable().default(null);

/** Casualty counts: a total and its national / international split, each unknown (null) or counted. */
export const CASUALTY_FIELDS = [
  'killed',
  'killedNational',
  'killedInternational',
  'injured',
  'injuredNational',
  'injuredInternational',
  'kidnapped',
  'kidnappedNational',
  'kidnappedInternational',
  'arrested',
  'arrestedNational',
  'arrestedInternational',
] as const;
export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

const incidentFields = z.object({
  date: PartialDateSchema,
  country: text(200).default(''),
  adminArea: text(300).default(''),
  areaId: IdSchema.nullable().default(null),
  placeName: text(300).default(''),
  latitude: LatitudeSchema.nullable().default(null),
  longitude: LongitudeSchema.nullable().default(null),
  locationPrecision: LocationPrecisionSchema.nullable().default(null),
  category: text(200).default(''),
  subCategory: text(200).default(''),
  organisationAffected: text(300).default(''),
  perpetratorType: text(300).default(''),
  perpetratorName: text(300).default(''),
  weapon: text(200).default(''),
  killed: count,
  killedNational: count,
  killedInternational: count,
  injured: count,
  injuredNational: count,
  injuredInternational: count,
  kidnapped: count,
  kidnappedNational: count,
  kidnappedInternational: count,
  arrested: count,
  arrestedNational: count,
  arrestedInternational: count,
  nearMiss: z.boolean().default(false),
  severity: SeveritySchema.nullable().default(null),
  narrative: text(20_000).default(''),
  actionsTaken: text(10_000).default(''),
  followUp: text(10_000).default(''),
  confidentiality: ConfidentialitySchema.default('normal'),
  needsReview: z.boolean().default(false),
});

const bothCoordinates = { message: 'coordinatesPair', path: ['longitude'] };

export const IncidentInputSchema = incidentFields.refine((p) => hasBothOrNeither(p.latitude, p.longitude), bothCoordinates);
export type IncidentInput = z.input<typeof IncidentInputSchema>;
export type IncidentFields = z.output<typeof IncidentInputSchema>;

export const IncidentUpdateSchema = incidentFields
  .extend({ id: IdSchema })
  .refine((p) => hasBothOrNeither(p.latitude, p.longitude), bothCoordinates);

export const IncidentSchema = incidentFields.extend({
  id: IdSchema,
  date: z.string(),
  datePrecision: DatePrecisionSchema,
  areaPath: z.string().nullable(),
  externalId: z.string().nullable(),
  source: z.string().nullable(),
  managerReportedAt: IsoTimeSchema.nullable(),
  regionalReportedAt: IsoTimeSchema.nullable(),
  writtenReportedAt: IsoTimeSchema.nullable(),
  /** Reports still owed past their deadline (incidents recorded in Vigil; imported ones carry none). */
  overdueReports: z.array(ReportKindSchema).default([]),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Incident = z.infer<typeof IncidentSchema>;

/** Incident-specific filters beside the grid's column filters: period (partial dates overlap), full text. */
export const IncidentFiltersSchema = z.object({
  /** Inclusive `YYYY-MM-DD` bounds; a partial date counts when the month or year it names overlaps. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Full-text search over narrative, place and perpetrator (FTS5; words are prefix-matched). */
  search: z.string().max(200).default(''),
  includeRestricted: z.boolean().default(true),
});

export const IncidentViewSchema = GridViewSchema.extend(IncidentFiltersSchema.shape);
export type IncidentView = z.output<typeof IncidentViewSchema>;

export const IncidentQuerySchema = IncidentViewSchema.extend({
  startRow: z.number().int().min(0).default(0),
  endRow: z.number().int().min(1).default(100),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= MAX_PAGE_ROWS, {
  message: `endRow must be above startRow, at most ${MAX_PAGE_ROWS} rows per page`,
  path: ['endRow'],
});
export type IncidentQuery = z.input<typeof IncidentQuerySchema>;

export const INCIDENT_COLUMNS = [
  'date',
  'country',
  'adminArea',
  'areaPath',
  'placeName',
  'latitude',
  'longitude',
  'locationPrecision',
  'category',
  'subCategory',
  'organisationAffected',
  'perpetratorType',
  'perpetratorName',
  'weapon',
  ...CASUALTY_FIELDS,
  'nearMiss',
  'severity',
  'narrative',
  'actionsTaken',
  'followUp',
  'confidentiality',
  'needsReview',
  'externalId',
  'source',
  'updatedAt',
] as const;
export type IncidentColumn = (typeof INCIDENT_COLUMNS)[number];

export const INCIDENT_EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'kml', 'gpx'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];

export const IncidentExportRequestSchema = z.object({
  // Restricted incidents (e.g. sexual violence) leave the vault only when asked for, whatever else the view says.
  view: IncidentViewSchema.extend({ includeRestricted: z.boolean().default(false) }).default({
    quickFilter: '',
    filterModel: {},
    sortModel: [],
    search: '',
    includeRestricted: false,
  }),
  columns: z.array(z.string().max(100)).max(100).optional(),
  format: z.enum(INCIDENT_EXPORT_FORMATS),
  path: z.string().min(1).max(4096),
  lang: LanguageSchema.optional(),
  /**
   * Anonymised export for partners: names, narrative and every free-text field dropped, coordinates
   * snapped to a grid of this many km and the location precision marked accordingly. Any format.
   */
  anonymiseKm: z.number().positive().max(1000).optional(),
});

export const IncidentFlashReportInputSchema = z.object({ id: IdSchema, lang: LanguageSchema.optional() });
/** A short plain-text alert to paste into a messenger; `restricted`: names and narrative were left out. */
export const IncidentFlashReportSchema = z.object({ text: z.string(), restricted: z.boolean() });
export type IncidentFlashReport = z.infer<typeof IncidentFlashReportSchema>;

// ---- Import -------------------------------------------------------------------------------------------

/** Vigil fields a file column can be mapped to. */
export const IMPORT_FIELDS = [
  'externalId',
  'date',
  'time',
  'country',
  'adminArea',
  'placeName',
  'latitude',
  'longitude',
  'locationPrecision',
  'category',
  'subCategory',
  'organisationAffected',
  'perpetratorType',
  'perpetratorName',
  'weapon',
  ...CASUALTY_FIELDS,
  'nearMiss',
  'severity',
  'narrative',
  'actionsTaken',
  'followUp',
  'confidentiality',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

export const DateOrderSchema = z.enum(['dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

/** File column name (repeated headers made unique as "Header (2)") -> Vigil field, or null to ignore it. */
export const ImportMappingSchema = z.record(z.string().max(500), ImportFieldSchema.nullable());
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** A path, or `upload:<id>` from browser mode's upload endpoint. */
const FileRefSchema = z.string().min(1).max(4096);

/**
 * Value mapping for taxonomy fields: per field, a file value (trimmed) -> the value Vigil stores. A value
 * without an entry is imported as written (or, with strictTaxonomy, must already be a taxonomy term).
 */
export const ImportValueMapSchema = z.partialRecord(TaxonomyFieldSchema, z.record(z.string().max(500), z.string().trim().min(1).max(200)));
export type ImportValueMap = z.infer<typeof ImportValueMapSchema>;

export const ImportOptionsSchema = z.object({
  file: FileRefSchema,
  /** Sheet name or 1-based number, for workbooks. */
  sheet: z.union([z.string().max(200), z.number().int().min(1)]).optional(),
  /** Omitted: suggested from headers and HXL tags. */
  mapping: ImportMappingSchema.optional(),
  /** A saved preset's name: its mapping and options are used. */
  preset: z.string().max(200).optional(),
  dateOrder: DateOrderSchema.optional(),
  /** Identifies where re-imported external ids come from; defaults to the preset name, else the file name. */
  source: z.string().trim().min(1).max(200).optional(),
  /** Value mapping for the taxonomy fields; omitted: the preset's, else none. */
  values: ImportValueMapSchema.optional(),
  /** A taxonomy value neither known nor mapped is a row problem (UNKNOWN_CATEGORY); default: imported as written. */
  strictTaxonomy: z.boolean().optional(),
  /** Language of the messages this module adds (value mapping, cancel); default the vault's. */
  lang: LanguageSchema.optional(),
});

/** One distinct value of a taxonomy column: how many rows hold it, whether the taxonomy knows it. */
export const ImportFieldValueSchema = z.object({
  value: z.string(),
  count: z.number().int(),
  /** Exactly a term's stored value. */
  known: z.boolean(),
  /** The term it matches ignoring case and spaces (its value or a label), else null. */
  suggestion: z.string().nullable(),
});
export const ImportFieldValuesSchema = z.object({
  field: TaxonomyFieldSchema,
  column: z.string(),
  /** Most frequent first, at most IMPORT_VALUES_LIMIT; `more` says how many distinct values were left out. */
  values: z.array(ImportFieldValueSchema),
  more: z.number().int(),
});
export type ImportFieldValues = z.infer<typeof ImportFieldValuesSchema>;
export const IMPORT_VALUES_LIMIT = 300;

/** Phases of a running import, reported by the `incidents.importProgress` event. */
export const IMPORT_PHASES = ['reading', 'checking', 'writing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const ImportRunSchema = ImportOptionsSchema.extend({
  dryRun: z.boolean().default(true),
  skipInvalid: z.boolean().default(false),
});

export const ImportProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const HxlConflictSchema = z.object({
  column: z.string(),
  tag: z.string(),
  headerField: z.string().nullable(),
  tagField: z.string().nullable(),
});

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  sheet: z.string().nullable(),
  columns: z.array(z.object({ name: z.string(), hxl: z.string().nullable(), samples: z.array(z.string()) })),
  hasHxlRow: z.boolean(),
  dataRows: z.number().int(),
  mapping: ImportMappingSchema,
  conflicts: z.array(HxlConflictSchema),
  dateOrder: DateOrderSchema.nullable(),
  dateOrderAmbiguous: z.boolean(),
  source: z.string(),
  /** Distinct values of each mapped taxonomy column, with what the taxonomy knows of them. */
  fieldValues: z.array(ImportFieldValuesSchema).default([]),
  /** The value mapping in effect (given, else the preset's). */
  values: ImportValueMapSchema.default({}),
  strictTaxonomy: z.boolean().default(false),
  /** The delegation's taxonomy, for labels and choices in the value mapping. */
  taxonomy: IncidentTaxonomySchema.optional(),
  /** Columns of the preset's mapping that this file does not have (ignored). */
  presetMissingColumns: z.array(z.string()).default([]),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportReportSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  problems: z.array(ImportProblemSchema),
  /** Rows kept without their bad location and flagged for review (--skip-invalid). */
  flagged: z.number().int(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  sheet: z.string().nullable(),
  source: z.string(),
  mapping: ImportMappingSchema,
  conflicts: z.array(HxlConflictSchema),
  dateOrder: DateOrderSchema.nullable(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ImportPresetInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  mapping: ImportMappingSchema,
  dateOrder: DateOrderSchema.nullable().default(null),
  sheet: z.string().max(200).nullable().default(null),
  values: ImportValueMapSchema.default({}),
  strictTaxonomy: z.boolean().default(false),
});
export const ImportPresetSchema = ImportPresetInputSchema.extend({ id: IdSchema, updatedAt: IsoTimeSchema });
export type ImportPreset = z.infer<typeof ImportPresetSchema>;

export const IncidentSummarySchema = z.object({
  lastDays: z.number().int(),
  count: z.number().int(),
  nearMisses: z.number().int(),
  killed: z.number().int(),
  needsReview: z.number().int(),
});

const countRow = z.object({ key: z.string(), count: z.number().int() });

export const IncidentStatsInputSchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  includeRestricted: z.boolean().default(true),
});

/**
 * Statistics of a period. Per-month series count incidents whose date names a month or a day; incidents
 * known only to the year are counted apart (`yearOnly`) rather than spread over, or pinned to, a month.
 */
export const IncidentStatsSchema = z.object({
  total: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), category: z.string(), count: z.number().int() })),
  yearOnly: z.array(z.object({ year: z.string(), count: z.number().int() })),
  byArea: z.array(countRow),
  byPerpetratorType: z.array(countRow),
  byOrganisation: z.array(countRow),
  casualtiesByMonth: z.array(
    z.object({ month: z.string(), killed: z.number().int(), injured: z.number().int(), kidnapped: z.number().int(), arrested: z.number().int() }),
  ),
});
export type IncidentStats = z.infer<typeof IncidentStatsSchema>;

/** Groupings of the incidents grid; each is a grid column, so choosing a group is that column's filter. */
export const INCIDENT_GROUP_BY = ['category', 'adminArea', 'organisationAffected', 'severity', 'perpetratorType'] as const;
export type IncidentGroupBy = (typeof INCIDENT_GROUP_BY)[number];
export const IncidentGroupsInputSchema = z.object({
  by: z.enum(INCIDENT_GROUP_BY),
  /** The same view as `incidents.list` (column filters, period, full text, restricted or not). */
  view: IncidentViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [], search: '', includeRestricted: true }),
});
/** Counts per group (key '' = none recorded), largest first; `total` is the view's count. */
export const IncidentGroupsSchema = z.object({
  groups: z.array(countRow),
  total: z.number().int(),
});

export const incidentsCommands = {
  ...incidentReportingCommands,
  'incidents.stats': defineCommand('incidents.stats', IncidentStatsInputSchema, IncidentStatsSchema),
  'incidents.groups': defineCommand('incidents.groups', IncidentGroupsInputSchema, IncidentGroupsSchema),
  'incidents.list': defineCommand(
    'incidents.list',
    IncidentQuerySchema,
    z.object({ rows: z.array(IncidentSchema), total: z.number().int() }),
  ),
  'incidents.get': defineCommand('incidents.get', IdInputSchema, IncidentSchema),
  'incidents.create': defineCommand('incidents.create', IncidentInputSchema, IncidentSchema, { mutates: true }),
  'incidents.update': defineCommand('incidents.update', IncidentUpdateSchema, IncidentSchema, { mutates: true }),
  'incidents.delete': defineCommand('incidents.delete', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'incidents.summary': defineCommand('incidents.summary', z.object({ days: z.number().int().min(1).max(366).default(7) }), IncidentSummarySchema),
  'incidents.export': defineCommand('incidents.export', IncidentExportRequestSchema, ExportResultSchema),
  'incidents.flashReport': defineCommand('incidents.flashReport', IncidentFlashReportInputSchema, IncidentFlashReportSchema),
  'incidents.importPreview': defineCommand('incidents.importPreview', ImportOptionsSchema, ImportPreviewSchema),
  'incidents.importRun': defineCommand('incidents.importRun', ImportRunSchema, ImportReportSchema, { mutates: true }),
  /** Asks the running import(s) to stop before writing; a cancelled import changes nothing. */
  'incidents.importCancel': defineCommand('incidents.importCancel', z.object({}), z.object({ cancelled: z.boolean() })),
  'incidents.importPresets': defineCommand('incidents.importPresets', z.object({}), z.array(ImportPresetSchema)),
  'incidents.saveImportPreset': defineCommand('incidents.saveImportPreset', ImportPresetInputSchema, ImportPresetSchema, {
    mutates: true,
  }),
  'incidents.deleteImportPreset': defineCommand('incidents.deleteImportPreset', IdInputSchema, z.object({ id: IdSchema }), {
    mutates: true,
  }),
};
