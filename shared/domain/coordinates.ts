/** Coordinates as people read and type them: decimal degrees and degrees-minutes-seconds. */

export function toDms(value: number, axis: 'lat' | 'lon'): string {
  const hemisphere = axis === 'lat' ? (value < 0 ? 'S' : 'N') : value < 0 ? 'W' : 'E';
  let totalSeconds = Math.round(Math.abs(value) * 36000) / 10; // tenths of a second
  const degrees = Math.floor(totalSeconds / 3600);
  totalSeconds -= degrees * 3600;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = (totalSeconds - minutes * 60).toFixed(1);
  return `${degrees}°${String(minutes).padStart(2, '0')}′${seconds.padStart(4, '0')}″${hemisphere}`;
}

export function formatDecimal(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export function formatDms(lat: number, lon: number): string {
  return `${toDms(lat, 'lat')} ${toDms(lon, 'lon')}`;
}

const DMS_PART = /(\d+(?:\.\d+)?)\s*°\s*(?:(\d+(?:\.\d+)?)\s*['′]\s*)?(?:(\d+(?:\.\d+)?)\s*["″]\s*)?([NSEW])/gi;

/**
 * Reads "lat, lon" in decimal degrees ("-3.2, 62.05") or DMS ("3°12′00″S 62°03′E"). Returns null for
 * anything else or for values off the globe.
 */
export function parseCoordinates(input: string): { lat: number; lon: number } | null {
  const text = input.trim();
  const decimal = /^(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)$/.exec(text);
  let lat: number;
  let lon: number;
  if (decimal) {
    lat = Number(decimal[1]);
    lon = Number(decimal[2]);
  } else {
    const parts = [...text.matchAll(DMS_PART)];
    if (parts.length !== 2) return null;
    const values: Record<string, number> = {};
    for (const [, d, m, s, h] of parts) {
      const hemisphere = (h ?? '').toUpperCase();
      const v = Number(d) + Number(m ?? 0) / 60 + Number(s ?? 0) / 3600;
      const axis = hemisphere === 'N' || hemisphere === 'S' ? 'lat' : 'lon';
      if (axis in values) return null;
      values[axis] = hemisphere === 'S' || hemisphere === 'W' ? -v : v;
    }
    if (!('lat' in values) || !('lon' in values)) return null;
    lat = values.lat;
    lon = values.lon;
  }
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lat, lon };
}
