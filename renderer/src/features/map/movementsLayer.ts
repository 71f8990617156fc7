import type { Feature, LineString, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { vigil } from '../../lib/vigil';
import { i18n } from '../../app/i18n';
import { registerMapLayer } from './layerRegistry';
import { FONT } from './basemapStyle';

const SOURCE = 'movements';
/** Under way stands out; planned and finished routes are quieter. */
const STATE_COLOURS: Record<string, string> = {
  under_way: '#d55e00',
  approved: '#0072b2',
  requested: '#56b4e9',
  draft: '#9aa5b1',
  completed: '#6b6b6b',
};
const OTHER = '#9aa5b1';

registerMapLayer({
  id: 'movements',
  labelKey: 'layers.movements',
  order: 40,
  command: 'movements.mapRoutes',
  timeFiltered: true,
  async load(window) {
    const { routes } = await vigil.call('movements.mapRoutes', {
      ...(window.from ? { from: window.from } : {}),
      ...(window.to ? { to: window.to } : {}),
    });
    const shown = routes.filter((r) => r.state !== 'cancelled' && r.state !== 'refused');
    const features: Feature<LineString | Point>[] = [];
    for (const r of shown) {
      const colour = STATE_COLOURS[r.state] ?? OTHER;
      const label = `${r.from} → ${r.to}`;
      if (r.waypoints.length >= 2) {
        features.push({
          type: 'Feature',
          properties: { id: r.id, kind: 'route', colour, label },
          geometry: { type: 'LineString', coordinates: r.waypoints.map((w) => [w.longitude, w.latitude]) },
        });
      }
      for (const w of r.waypoints) {
        features.push({
          type: 'Feature',
          properties: { id: r.id, kind: 'waypoint', colour, label: w.name },
          geometry: { type: 'Point', coordinates: [w.longitude, w.latitude] },
        });
      }
    }
    const states = [...new Set(shown.map((r) => r.state))];
    const legend = states.map((s) => ({ label: i18n.t(`map:movementStates.${s}`, { defaultValue: s }), colour: STATE_COLOURS[s] ?? OTHER }));
    return { features: { type: 'FeatureCollection', features }, legend };
  },
  add(map) {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'movements-routes',
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'route'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': [2, 1.5] },
    });
    map.addLayer({
      id: 'movements-waypoints',
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'waypoint'],
      paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': ['get', 'colour'], 'circle-stroke-width': 2 },
    });
    map.addLayer({
      id: 'movements-labels',
      type: 'symbol',
      source: SOURCE,
      filter: ['==', ['get', 'kind'], 'waypoint'],
      minzoom: 10,
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 11, 'text-offset': [0, 1], 'text-anchor': 'top' },
      paint: { 'text-color': '#333333', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    });
  },
  update(map, data) {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data.features);
  },
  layerIds: ['movements-routes', 'movements-waypoints', 'movements-labels'],
});
