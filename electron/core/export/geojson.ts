import type { Incident, IncidentColumn } from '../../../shared/contract/incidents';

/**
 * RFC 7946 GeoJSON: a FeatureCollection in WGS84 with [longitude, latitude] positions. An incident
 * without a location is still a Feature, with a null geometry (section 3.2), so no row silently drops.
 */
export function toGeoJson(rows: Iterable<Incident>, columns: readonly IncidentColumn[], demoMarker: string | null): Buffer {
  const parts: string[] = [];
  for (const i of rows) {
    const properties: Record<string, unknown> = { id: i.id };
    for (const c of columns) if (c !== 'latitude' && c !== 'longitude') properties[c] = i[c as keyof Incident] ?? null;
    if (demoMarker) properties.notice = demoMarker;
    const geometry = i.latitude != null && i.longitude != null ? { type: 'Point', coordinates: [i.longitude, i.latitude] } : null;
    parts.push(JSON.stringify({ type: 'Feature', id: i.id, geometry, properties }));
  }
  const head = demoMarker ? `{"type":"FeatureCollection","notice":${JSON.stringify(demoMarker)},"features":[` : '{"type":"FeatureCollection","features":[';
  return Buffer.from(`${head}\n${parts.join(',\n')}\n]}\n`);
}
