import type { Feature } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { vigil } from '../../lib/vigil';
import { i18n } from '../../app/i18n';
import { ZONE_COLOURS, ZONE_KINDS } from '../../../../shared/contract/map';
import { registerMapLayer } from './layerRegistry';
import { FONT } from './basemapStyle';

const SOURCE = 'zones';

registerMapLayer({
  id: 'zones',
  labelKey: 'layers.zones',
  order: 5,
  command: 'map.listZones',
  async load() {
    const zones = await vigil.call('map.listZones', {});
    const features = zones.map(
      (z): Feature => ({
        type: 'Feature',
        properties: { id: z.id, name: z.name, kind: z.kind, colour: ZONE_COLOURS[z.kind] },
        geometry: z.geometry,
      }),
    );
    const used = new Set(zones.map((z) => z.kind));
    const legend = ZONE_KINDS.filter((k) => used.has(k)).map((k) => ({ label: i18n.t(`map:zones.kinds.${k}`), colour: ZONE_COLOURS[k] }));
    return { features: { type: 'FeatureCollection', features }, legend };
  },
  add(map) {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'zones-fill',
      type: 'fill',
      source: SOURCE,
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.22 },
    });
    map.addLayer({
      id: 'zones-outline',
      type: 'line',
      source: SOURCE,
      paint: { 'line-color': ['get', 'colour'], 'line-width': 2 },
    });
    map.addLayer({
      id: 'zones-labels',
      type: 'symbol',
      source: SOURCE,
      minzoom: 8,
      layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12 },
      paint: { 'text-color': ['get', 'colour'], 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
  },
  update(map, data) {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data.features);
  },
  layerIds: ['zones-fill', 'zones-outline', 'zones-labels'],
  clickLayerIds: ['zones-fill'],
  onClick(_map, feature, _lngLat, actions) {
    const id = feature.properties?.id as string | undefined;
    if (id) actions.editZone(id);
  },
});
