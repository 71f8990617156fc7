import { z } from 'zod';

/**
 * The query a grid sends: AG Grid's own filter and sort model shapes (one condition per column), so the
 * Infinite Row Model passes them through unchanged and an export reproduces exactly the view on screen.
 */
export const TextFilterSchema = z.object({
  filterType: z.literal('text'),
  type: z.enum(['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank']),
  filter: z.string().max(500).nullish(),
});

export const NumberFilterSchema = z.object({
  filterType: z.literal('number'),
  type: z.enum([
    'equals',
    'notEqual',
    'lessThan',
    'lessThanOrEqual',
    'greaterThan',
    'greaterThanOrEqual',
    'inRange',
    'blank',
    'notBlank',
  ]),
  filter: z.number().nullish(),
  filterTo: z.number().nullish(),
});

export const ColumnFilterSchema = z.discriminatedUnion('filterType', [TextFilterSchema, NumberFilterSchema]);
export type ColumnFilter = z.infer<typeof ColumnFilterSchema>;

export const SortItemSchema = z.object({ colId: z.string().max(100), sort: z.enum(['asc', 'desc']) });
export type SortItem = z.infer<typeof SortItemSchema>;

/** What rows a view shows, without paging: shared by list and export commands. */
export const GridViewSchema = z.object({
  quickFilter: z.string().max(200).default(''),
  filterModel: z.record(z.string().max(100), ColumnFilterSchema).default({}),
  sortModel: z.array(SortItemSchema).max(5).default([]),
});
export type GridView = z.infer<typeof GridViewSchema>;

export const MAX_PAGE_ROWS = 1000;

export const GridQuerySchema = GridViewSchema.extend({
  startRow: z.number().int().min(0).default(0),
  endRow: z.number().int().min(1).default(100),
}).refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= MAX_PAGE_ROWS, {
  message: `endRow must be above startRow, at most ${MAX_PAGE_ROWS} rows per page`,
  path: ['endRow'],
});
export type GridQuery = z.input<typeof GridQuerySchema>;

export const pageOf = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int() });

/** Where an export goes: a path chosen in a native dialog or in browser mode's server-side picker. */
export const ExportFormatSchema = z.enum(['csv', 'xlsx']);
export const ExportRequestSchema = z.object({
  view: GridViewSchema.default({ quickFilter: '', filterModel: {}, sortModel: [] }),
  columns: z.array(z.string().max(100)).max(100).optional(),
  format: ExportFormatSchema,
  path: z.string().min(1).max(4096),
  lang: z.enum(['en', 'fr', 'es', 'ar']).optional(),
});
export type ExportRequest = z.input<typeof ExportRequestSchema>;

export const ExportResultSchema = z.object({
  path: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;
