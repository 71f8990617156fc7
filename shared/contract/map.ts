import { z } from 'zod';
import { defineCommand } from './defineCommand';

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

export const mapCommands = {
  'incidents.mapPoints': defineCommand('incidents.mapPoints', MapPointsQuerySchema, MapPointsSchema),
  'map.exportPng': defineCommand('map.exportPng', MapExportPngSchema, MapExportResultSchema),
};
