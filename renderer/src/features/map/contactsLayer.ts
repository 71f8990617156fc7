import type { Feature, Point } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { vigil } from '../../lib/vigil';
import { i18n } from '../../app/i18n';
import { registerMapLayer, type LayerData } from './layerRegistry';
import { FONT } from './basemapStyle';

const CONTACT = '#5b3a8c';
const SENSITIVE = '#b0006a';

function points(rows: [string, number, number, string, string | null, boolean][]): Feature<Point>[] {
  return rows.map(([id, lon, lat, name, organisation, sensitive]) => ({
    type: 'Feature',
    properties: { id, name, organisation: organisation ?? '', sensitive },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  }));
}

function addContactLayers(map: MapLibreMap, source: string, colour: string): void {
  map.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: `${source}-points`,
    type: 'circle',
    source,
    paint: { 'circle-color': colour, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
  });
  map.addLayer({
    id: `${source}-labels`,
    type: 'symbol',
    source,
    minzoom: 11,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 11, 'text-offset': [0, 1], 'text-anchor': 'top' },
    paint: { 'text-color': colour, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
  });
}

const update = (source: string) => (map: MapLibreMap, data: LayerData) => map.getSource<GeoJSONSource>(source)?.setData(data.features);

registerMapLayer({
  id: 'contacts',
  labelKey: 'layers.contacts',
  order: 30,
  command: 'contacts.mapPoints',
  async load() {
    const { points: rows } = await vigil.call('contacts.mapPoints', { includeSensitive: false });
    return { features: { type: 'FeatureCollection', features: points(rows) }, legend: [] };
  },
  add: (map) => addContactLayers(map, 'contacts', CONTACT),
  update: update('contacts'),
  layerIds: ['contacts-points', 'contacts-labels'],
});

/** Sensitive contacts: off by default, and not even fetched until the officer switches them on. */
registerMapLayer({
  id: 'contactsSensitive',
  labelKey: 'layers.contactsSensitive',
  order: 31,
  command: 'contacts.mapPoints',
  defaultHidden: true,
  loadOnlyWhenShown: true,
  async load() {
    const { points: rows } = await vigil.call('contacts.mapPoints', { includeSensitive: true });
    const features = points(rows.filter((r) => r[5]));
    return {
      features: { type: 'FeatureCollection', features },
      legend: [{ label: i18n.t('map:legend.sensitive'), colour: SENSITIVE }],
    };
  },
  add: (map) => addContactLayers(map, 'contactsSensitive', SENSITIVE),
  update: update('contactsSensitive'),
  layerIds: ['contactsSensitive-points', 'contactsSensitive-labels'],
});
