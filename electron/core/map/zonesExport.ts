import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Position } from 'geojson';
import { ZONE_COLOURS, ZONE_KINDS, type Zone, type ZoneKind } from '../../../shared/contract/map';

export interface ZoneText {
  title: string;
  kind(kind: ZoneKind): string;
}

/** RFC 7946 GeoJSON FeatureCollection of the zones; the kind is a stable code and a translated label. */
export function zonesToGeoJson(zones: readonly Zone[], text: ZoneText, demoMarker: string | null): Buffer {
  const collection = {
    type: 'FeatureCollection',
    ...(demoMarker ? { notice: demoMarker } : {}),
    features: zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      geometry: z.geometry,
      properties: {
        id: z.id,
        name: z.name,
        kind: z.kind,
        kindLabel: text.kind(z.kind),
        notes: z.notes,
        updatedAt: z.updatedAt,
        ...(demoMarker ? { notice: demoMarker } : {}),
      },
    })),
  };
  return Buffer.from(`${JSON.stringify(collection, null, 1)}\n`);
}

/** KML colours are aabbggrr. */
function kmlColour(hex: string, alpha: string): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `${alpha}${b}${g}${r}`.toLowerCase();
}

const ring = (positions: Position[]) => positions.map((p) => `${p[0]},${p[1]}`).join(' ');

function addPolygon(parent: XMLBuilder, rings: Position[][]): void {
  const polygon = parent.ele('Polygon');
  rings.forEach((r, i) => {
    polygon
      .ele(i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs')
      .ele('LinearRing')
      .ele('coordinates')
      .txt(ring(r));
  });
}

/** KML 2.2: one style per zone kind (red / amber / green), a Placemark per zone. */
export function zonesToKml(zones: readonly Zone[], text: ZoneText, demoMarker: string | null): Buffer {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.opengis.net/kml/2.2', 'kml').ele('Document');
  doc.ele('name').txt(text.title);
  if (demoMarker) doc.ele('description').txt(demoMarker);
  for (const kind of ZONE_KINDS) {
    const style = doc.ele('Style', { id: `zone-${kind}` });
    style.ele('LineStyle').ele('color').txt(kmlColour(ZONE_COLOURS[kind], 'ff')).up().ele('width').txt('2');
    style.ele('PolyStyle').ele('color').txt(kmlColour(ZONE_COLOURS[kind], '59'));
  }
  for (const z of zones) {
    const placemark = doc.ele('Placemark', { id: `zone-${z.id}` });
    placemark.ele('name').txt(z.name);
    placemark.ele('description').txt([text.kind(z.kind), z.notes, demoMarker ?? ''].filter(Boolean).join('\n'));
    placemark.ele('styleUrl').txt(`#zone-${z.kind}`);
    placemark.ele('ExtendedData').ele('Data', { name: 'kind' }).ele('value').txt(z.kind);
    if (z.geometry.type === 'Polygon') addPolygon(placemark, z.geometry.coordinates as Position[][]);
    else {
      const multi = placemark.ele('MultiGeometry');
      for (const polygon of z.geometry.coordinates) addPolygon(multi, polygon as Position[][]);
    }
  }
  return Buffer.from(doc.end({ prettyPrint: true }));
}
