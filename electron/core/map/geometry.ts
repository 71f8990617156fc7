import type { Geometry, Position } from 'geojson';

/**
 * Checks a GeoJSON geometry (RFC 7946, WGS84) deeply enough that MapLibre and every export can trust it:
 * known type, finite numbers, longitude in [-180, 180], latitude in [-90, 90], lines of two positions or
 * more, polygon rings closed with four positions or more. Returns the first problem, or null.
 */
export function geometryProblem(geometry: unknown): string | null {
  if (!geometry || typeof geometry !== 'object') return 'no geometry';
  const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (g.type) {
    case 'Point':
      return positionProblem(g.coordinates);
    case 'MultiPoint':
      return listOf(g.coordinates, positionProblem, 1);
    case 'LineString':
      return lineProblem(g.coordinates);
    case 'MultiLineString':
      return listOf(g.coordinates, lineProblem, 1);
    case 'Polygon':
      return polygonProblem(g.coordinates);
    case 'MultiPolygon':
      return listOf(g.coordinates, polygonProblem, 1);
    case 'GeometryCollection': {
      if (!Array.isArray(g.geometries) || g.geometries.length === 0) return 'empty geometry collection';
      for (const part of g.geometries) {
        const problem = geometryProblem(part);
        if (problem) return problem;
      }
      return null;
    }
    default:
      return `unknown geometry type ${JSON.stringify(String(g.type)).slice(0, 40)}`;
  }
}

function listOf(value: unknown, check: (v: unknown) => string | null, min: number): string | null {
  if (!Array.isArray(value) || value.length < min) return 'empty coordinates';
  for (const item of value) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

function positionProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < 2 || value.length > 4) return 'a position is not [longitude, latitude]';
  if (!value.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'a coordinate is not a number';
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside -180..180`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside -90..90`;
  return null;
}

function lineProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length < 2) return 'a line needs at least two positions';
  return listOf(value, positionProblem, 2);
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function polygonProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'a polygon has no ring';
  for (const ring of value) {
    if (!Array.isArray(ring) || ring.length < 4) return 'a polygon ring needs at least four positions';
    const problem = listOf(ring, positionProblem, 4);
    if (problem) return problem;
    if (!samePosition(ring[0] as Position, ring[ring.length - 1] as Position)) return 'a polygon ring is not closed';
  }
  return null;
}

/** Every position of a geometry, for bounds. */
export function* positions(geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      break;
    case 'GeometryCollection':
      for (const part of geometry.geometries) yield* positions(part);
      break;
  }
}
