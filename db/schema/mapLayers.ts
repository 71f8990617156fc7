import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Security zones the user draws and names on the map: a GeoJSON Polygon or MultiPolygon (WGS84). */
export const mapZones = sqliteTable(
  'map_zones',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['no_go', 'caution', 'safe'] }).notNull(),
    notes: text('notes').notNull().default(''),
    geometry: text('geometry', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('map_zones_name_idx').on(t.name)],
);

/** A layer imported from a GeoJSON, KML or GPX file, with its own style. */
export const mapLayers = sqliteTable('map_layers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sourceFormat: text('source_format', { enum: ['geojson', 'kml', 'gpx'] }).notNull(),
  sourceName: text('source_name').notNull(),
  colour: text('colour').notNull(),
  lineWidth: real('line_width').notNull(),
  opacity: real('opacity').notNull(),
  visible: integer('visible', { mode: 'boolean' }).notNull().default(true),
  featureCount: integer('feature_count').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** The features of an imported layer; they go with their layer. */
export const mapFeatures = sqliteTable(
  'map_features',
  {
    id: text('id').primaryKey(),
    layerId: text('layer_id')
      .notNull()
      .references(() => mapLayers.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull().default(''),
    geometry: text('geometry', { mode: 'json' }).notNull(),
    properties: text('properties', { mode: 'json' }).notNull(),
  },
  (t) => [index('map_features_layer_idx').on(t.layerId, t.seq)],
);

/**
 * Basemap files the user added. The file itself is a copy in `<data dir>/basemaps/` (public data, not
 * encrypted); this row says what it is.
 */
export const mapBasemaps = sqliteTable('map_basemaps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  fileName: text('file_name').notNull(),
  format: text('format', { enum: ['pmtiles', 'mbtiles'] }).notNull(),
  tileType: text('tile_type', { enum: ['vector', 'raster'] }).notNull(),
  /** 'openmaptiles' | 'protomaps' | 'unknown' for vector tiles; 'raster' otherwise. */
  schema: text('schema').notNull(),
  /** JSON metadata kept for the style: vector_layers, bounds, zooms, raster tile format. */
  metadata: text('metadata', { mode: 'json' }).notNull(),
  bytes: integer('bytes').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: text('created_at').notNull(),
});
