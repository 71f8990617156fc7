import { z } from 'zod';
import { defineCommand } from './defineCommand';
import { IdInputSchema, IdSchema, IsoTimeSchema, LanguageSchema, requiredText, text } from './common';

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day');

/**
 * One incident on the map as a compact array, [id, longitude, latitude, category, severity, first day],
 * so tens of thousands of points cross the bridge cheaply.
 */
export const MapPointSchema = z.tuple([z.string(), z.number(), z.number(), z.string(), z.string().nullable(), z.string()]);
export type MapPoint = z.infer<typeof MapPointSchema>;

export const MapPointsQuerySchema = z.object({
  /** Incidents whose dates overlap [from, to] (inclusive days); open-ended when left out. */
  from: DaySchema.optional(),
  to: DaySchema.optional(),
});

export const MapPointsSchema = z.object({
  points: z.array(MapPointSchema),
  /** First and last day of every incident that has a location, whatever the window: the slider's bounds. */
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
});
export type MapPoints = z.infer<typeof MapPointsSchema>;

/** A PNG of the map view, base64 without a data: prefix; 40 MiB of base64 is far beyond any screen. */
export const MapExportPngSchema = z.object({
  png: z.string().min(8).max(40 * 1024 * 1024),
  path: z.string().min(1).max(4096),
});

export const MapExportResultSchema = z.object({
  path: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
});
export type MapExportResult = z.infer<typeof MapExportResultSchema>;

/* ----- contacts and movements on the map ----- */

/** [id, longitude, latitude, name, organisation, sensitive] */
export const ContactPointSchema = z.tuple([z.string(), z.number(), z.number(), z.string(), z.string().nullable(), z.boolean()]);
export const ContactPointsSchema = z.object({
  points: z.array(ContactPointSchema),
  /** Sensitive contacts with a location that were left out (shown only when asked for). */
  hiddenSensitive: z.number().int(),
});

export const MovementRouteSchema = z.object({
  id: z.string(),
  state: z.string(),
  purpose: z.string(),
  from: z.string(),
  to: z.string(),
  departureAt: z.string(),
  /** Located waypoints in route order; a route needs two to draw a line. */
  waypoints: z.array(z.object({ name: z.string(), longitude: z.number(), latitude: z.number() })),
});
export type MovementRoute = z.infer<typeof MovementRouteSchema>;

/* ----- geometry ----- */

const PositionSchema = z.array(z.number()).min(2).max(3);
export const ZoneGeometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(PositionSchema)).min(1).max(100) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(PositionSchema)).min(1)).min(1).max(100) }),
]);
export type ZoneGeometry = z.infer<typeof ZoneGeometrySchema>;

/* ----- security zones ----- */

export const ZONE_KINDS = ['no_go', 'caution', 'safe'] as const;
export const ZoneKindSchema = z.enum(ZONE_KINDS);
export type ZoneKind = z.infer<typeof ZoneKindSchema>;
/** Zone colours: red for no-go, amber for caution, green for safe (also in the KML export). */
export const ZONE_COLOURS: Record<ZoneKind, string> = { no_go: '#c8102e', caution: '#e69f00', safe: '#009e73' };

export const ZoneInputSchema = z.object({
  name: requiredText(200),
  kind: ZoneKindSchema,
  notes: text(2000).default(''),
  geometry: ZoneGeometrySchema,
});
export type ZoneInput = z.input<typeof ZoneInputSchema>;
export const ZoneUpdateSchema = z.object({
  id: IdSchema,
  name: requiredText(200),
  kind: ZoneKindSchema,
  notes: text(2000).default(''),
  /** Left out: the shape stays as it is. */
  geometry: ZoneGeometrySchema.optional(),
});
export const ZoneSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: ZoneKindSchema,
  notes: z.string(),
  geometry: ZoneGeometrySchema,
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Zone = z.infer<typeof ZoneSchema>;

export const ZonesExportRequestSchema = z.object({
  format: z.enum(['geojson', 'kml']),
  path: z.string().min(1).max(4096),
  lang: LanguageSchema.optional(),
});
export const ZonesExportResultSchema = MapExportResultSchema.extend({ zones: z.number().int() });

/* ----- imported layers ----- */

export const LAYER_FORMATS = ['geojson', 'kml', 'gpx'] as const;
/** The largest layer file accepted: checked before the file is read. */
export const MAX_LAYER_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_LAYER_FEATURES = 100_000;
const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour');

export const LayerStyleSchema = z.object({
  colour: ColourSchema,
  lineWidth: z.number().min(0.5).max(12),
  opacity: z.number().min(0.05).max(1),
});

export const LayerSchema = LayerStyleSchema.extend({
  id: IdSchema,
  name: z.string(),
  sourceFormat: z.enum(LAYER_FORMATS),
  sourceName: z.string(),
  visible: z.boolean(),
  featureCount: z.number().int(),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
});
export type Layer = z.infer<typeof LayerSchema>;

export const LayerImportSchema = z.object({
  /** A full path (desktop, CLI) or `upload:<id>` (browser mode). */
  file: z.string().min(1).max(4096),
  name: text(200).optional(),
  /** Import what is valid and name the features left out; otherwise any bad feature refuses the file. */
  skipInvalid: z.boolean().default(false),
  style: LayerStyleSchema.partial().optional(),
});
export const SkippedFeatureSchema = z.object({ index: z.number().int(), name: z.string(), reason: z.string() });
export type SkippedFeature = z.infer<typeof SkippedFeatureSchema>;
export const LayerImportResultSchema = z.object({ layer: LayerSchema, skipped: z.array(SkippedFeatureSchema) });

export const LayerUpdateSchema = LayerStyleSchema.partial().extend({
  id: IdSchema,
  name: requiredText(200).optional(),
  visible: z.boolean().optional(),
});

/* ----- user basemaps ----- */

/** The largest basemap file accepted (a country at street level is a few GB). */
export const MAX_BASEMAP_BYTES = 8 * 1024 * 1024 * 1024;
export const BasemapSchema = z.object({
  id: IdSchema,
  name: z.string(),
  format: z.enum(['pmtiles', 'mbtiles']),
  tileType: z.enum(['vector', 'raster']),
  schema: z.enum(['openmaptiles', 'protomaps', 'unknown', 'raster']),
  /** Source layers of a vector basemap, for the generic style. */
  vectorLayers: z.array(z.string()),
  minZoom: z.number(),
  maxZoom: z.number(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** Raster tile image type (png, jpg, webp); null for vector. */
  imageFormat: z.string().nullable(),
  bytes: z.number().int(),
  createdAt: IsoTimeSchema,
});
export type Basemap = z.infer<typeof BasemapSchema>;

const empty = z.object({}).default({});

export const mapCommands = {
  'incidents.mapPoints': defineCommand('incidents.mapPoints', MapPointsQuerySchema, MapPointsSchema),
  'map.exportPng': defineCommand('map.exportPng', MapExportPngSchema, MapExportResultSchema),
  'contacts.mapPoints': defineCommand('contacts.mapPoints', z.object({ includeSensitive: z.boolean().default(false) }), ContactPointsSchema),
  'movements.mapRoutes': defineCommand('movements.mapRoutes', MapPointsQuerySchema, z.object({ routes: z.array(MovementRouteSchema) })),
  'map.listZones': defineCommand('map.listZones', empty, z.array(ZoneSchema)),
  'map.createZone': defineCommand('map.createZone', ZoneInputSchema, ZoneSchema, { mutates: true }),
  'map.updateZone': defineCommand('map.updateZone', ZoneUpdateSchema, ZoneSchema, { mutates: true }),
  'map.deleteZone': defineCommand('map.deleteZone', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'map.exportZones': defineCommand('map.exportZones', ZonesExportRequestSchema, ZonesExportResultSchema),
  'map.listLayers': defineCommand('map.listLayers', empty, z.array(LayerSchema)),
  'map.layerFeatures': defineCommand(
    'map.layerFeatures',
    IdInputSchema,
    z.object({ type: z.literal('FeatureCollection'), features: z.array(z.looseObject({ type: z.literal('Feature') })) }),
  ),
  'map.importLayer': defineCommand('map.importLayer', LayerImportSchema, LayerImportResultSchema, { mutates: true }),
  'map.updateLayer': defineCommand('map.updateLayer', LayerUpdateSchema, LayerSchema, { mutates: true }),
  'map.deleteLayer': defineCommand('map.deleteLayer', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
  'map.listBasemaps': defineCommand('map.listBasemaps', empty, z.array(BasemapSchema)),
  'map.addBasemap': defineCommand('map.addBasemap', z.object({ file: z.string().min(1).max(4096), name: text(200).optional() }), BasemapSchema, {
    mutates: true,
  }),
  'map.removeBasemap': defineCommand('map.removeBasemap', IdInputSchema, z.object({ id: IdSchema }), { mutates: true }),
};
