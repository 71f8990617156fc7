/** Pure helpers of the map tools: distance along clicked points, and the time-window animation. */

/** Mean Earth radius (IUGG), metres: the haversine distance is within 0.5 % of the ellipsoid's. */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two [longitude, latitude] positions. */
export function haversineMetres(a: readonly [number, number], b: readonly [number, number]): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length in metres of a path through the given [longitude, latitude] positions. */
export function pathMetres(points: readonly (readonly [number, number])[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += haversineMetres(points[i - 1] as [number, number], points[i] as [number, number]);
  return total;
}

/** "850 m", "12.4 km", "230 km" in the interface language. */
export function formatDistance(metres: number, locale: string): string {
  if (metres < 1000) return `${Math.round(metres).toLocaleString(locale)} m`;
  const km = metres / 1000;
  return `${km.toLocaleString(locale, { maximumFractionDigits: km < 100 ? 1 : 0 })} km`;
}

/**
 * One step of the time window animation: the window keeps its width and moves forward by `step` days;
 * at the end of the data it stops (null). Day numbers are days since 1970-01-01.
 */
export function nextWindow(window: readonly [number, number], bounds: readonly [number, number], step: number): [number, number] | null {
  const width = window[1] - window[0];
  if (window[1] >= bounds[1]) return null;
  const end = Math.min(bounds[1], window[1] + step);
  return [end - width, end];
}

/** The window the animation starts from: the current one, or a tenth of the data's span from its start. */
export function startWindow(current: readonly [number, number] | null, bounds: readonly [number, number]): [number, number] {
  const span = bounds[1] - bounds[0];
  if (current && current[1] - current[0] < span && current[1] < bounds[1]) return [current[0], current[1]];
  const width = Math.max(1, Math.round(span / 10));
  return [bounds[0], Math.min(bounds[1], bounds[0] + width)];
}

/** Days the window moves per frame: the whole span in about 60 frames. */
export const stepFor = (bounds: readonly [number, number]) => Math.max(1, Math.round((bounds[1] - bounds[0]) / 60));
