import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Layer } from '../../../../shared/contract/map';
import { FONT } from './basemapStyle';

const PREFIX = 'imported-';
const sourceId = (id: string) => `${PREFIX}${id}`;
const kinds = ['fill', 'line', 'point', 'label'] as const;
const layerId = (id: string, kind: (typeof kinds)[number]) => `${PREFIX}${id}-${kind}`;

/** Imported layers sit under the thematic layers (zones, incidents...), above the basemap. */
function beneath(map: MapLibreMap): string | undefined {
  return map.getLayer('zones-fill') ? 'zones-fill' : undefined;
}

/**
 * Puts the imported layers on the map as the vault has them: a GeoJSON source each, drawn as fill
 * (polygons), line (lines and polygon outlines) and circles (points) in the layer's own colour, width and
 * opacity. Layers no longer in the list are taken off.
 */
export function syncImportedLayers(map: MapLibreMap, layers: readonly Layer[], data: ReadonlyMap<string, FeatureCollection>): void {
  const wanted = new Set(layers.map((l) => l.id));
  for (const source of Object.keys(map.getStyle().sources)) {
    if (!source.startsWith(PREFIX) || wanted.has(source.slice(PREFIX.length))) continue;
    for (const kind of kinds) if (map.getLayer(layerId(source.slice(PREFIX.length), kind))) map.removeLayer(layerId(source.slice(PREFIX.length), kind));
    map.removeSource(source);
  }
  for (const layer of layers) {
    const features = data.get(layer.id);
    if (!features) continue;
    const src = sourceId(layer.id);
    const existing = map.getSource<GeoJSONSource>(src);
    if (existing) existing.setData(features);
    else {
      map.addSource(src, { type: 'geojson', data: features });
      const before = beneath(map);
      map.addLayer({ id: layerId(layer.id, 'fill'), type: 'fill', source: src, filter: ['==', ['geometry-type'], 'Polygon'] }, before);
      map.addLayer({ id: layerId(layer.id, 'line'), type: 'line', source: src, filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]] }, before);
      map.addLayer({ id: layerId(layer.id, 'point'), type: 'circle', source: src, filter: ['==', ['geometry-type'], 'Point'] }, before);
      map.addLayer(
        {
          id: layerId(layer.id, 'label'),
          type: 'symbol',
          source: src,
          minzoom: 10,
          filter: ['==', ['geometry-type'], 'Point'],
          layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 11, 'text-offset': [0, 1], 'text-anchor': 'top' },
        },
        before,
      );
    }
    const visibility = layer.visible ? 'visible' : 'none';
    for (const kind of kinds) map.setLayoutProperty(layerId(layer.id, kind), 'visibility', visibility);
    map.setPaintProperty(layerId(layer.id, 'fill'), 'fill-color', layer.colour);
    map.setPaintProperty(layerId(layer.id, 'fill'), 'fill-opacity', layer.opacity * 0.35);
    map.setPaintProperty(layerId(layer.id, 'line'), 'line-color', layer.colour);
    map.setPaintProperty(layerId(layer.id, 'line'), 'line-width', layer.lineWidth);
    map.setPaintProperty(layerId(layer.id, 'line'), 'line-opacity', layer.opacity);
    map.setPaintProperty(layerId(layer.id, 'point'), 'circle-color', layer.colour);
    map.setPaintProperty(layerId(layer.id, 'point'), 'circle-opacity', layer.opacity);
    map.setPaintProperty(layerId(layer.id, 'point'), 'circle-radius', 3 + layer.lineWidth);
    map.setPaintProperty(layerId(layer.id, 'point'), 'circle-stroke-color', '#ffffff');
    map.setPaintProperty(layerId(layer.id, 'point'), 'circle-stroke-width', 1);
    map.setPaintProperty(layerId(layer.id, 'label'), 'text-color', layer.colour);
    map.setPaintProperty(layerId(layer.id, 'label'), 'text-halo-color', '#ffffff');
    map.setPaintProperty(layerId(layer.id, 'label'), 'text-halo-width', 1.2);
  }
}
