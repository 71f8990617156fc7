import type { Feature, Point } from 'geojson';
import type { GeoJSONSource, MapGeoJSONFeature } from 'maplibre-gl';
import { vigil } from '../../lib/vigil';
import { i18n } from '../../app/i18n';
import { registerMapLayer, type LegendEntry } from './layerRegistry';

const SOURCE = 'incidents';
/** Colour-blind-friendly qualitative palette (Okabe-Ito, then Tableau): the most frequent categories first. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#8c564b', '#f0e442'];
const OTHER = '#6b6b6b';

registerMapLayer({
  id: 'incidents',
  labelKey: 'layers.incidents',
  order: 10,
  command: 'incidents.mapPoints',
  timeFiltered: true,
  async load(window) {
    const { points, firstDay, lastDay } = await vigil.call('incidents.mapPoints', {
      ...(window.from ? { from: window.from } : {}),
      ...(window.to ? { to: window.to } : {}),
    });
    const counts = new Map<string, number>();
    for (const p of points) counts.set(p[3], (counts.get(p[3]) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
    const colourOf = new Map(ranked.slice(0, PALETTE.length).map((c, i) => [c, PALETTE[i]]));
    const features = points.map(
      ([id, lon, lat, category, severity, day]): Feature<Point> => ({
        type: 'Feature',
        properties: { id, category, severity: severity ?? '', day, colour: colourOf.get(category) ?? OTHER },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      }),
    );
    const legend: LegendEntry[] = ranked
      .slice(0, PALETTE.length)
      .map((c) => ({ label: c || i18n.t('map:legend.uncategorised'), colour: colourOf.get(c) as string }));
    if (ranked.length > PALETTE.length) legend.push({ label: i18n.t('map:legend.otherCategories'), colour: OTHER });
    return { features: { type: 'FeatureCollection', features }, legend, span: { first: firstDay, last: lastDay } };
  },
  add(map) {
    map.addSource(SOURCE, {
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: 11,
    });
    map.addLayer({
      id: 'incidents-clusters',
      type: 'circle',
      source: SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#3d4f66',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 20, 200, 26],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
    map.addLayer({
      id: 'incidents-cluster-count',
      type: 'symbol',
      source: SOURCE,
      filter: ['has', 'point_count'],
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['Noto Sans Regular'], 'text-size': 12 },
      paint: { 'text-color': '#ffffff' },
    });
    map.addLayer({
      id: 'incidents-points',
      type: 'circle',
      source: SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': ['match', ['get', 'severity'], 'critical', 9, 'high', 7.5, 'moderate', 6, 5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    });
  },
  update(map, data) {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data.features);
  },
  layerIds: ['incidents-clusters', 'incidents-cluster-count', 'incidents-points'],
  onClick(map, feature, lngLat, actions) {
    const clusterId = (feature as MapGeoJSONFeature).properties?.cluster_id as number | undefined;
    if (clusterId === undefined) {
      // A single incident: open it in the incident form, as the incidents page does.
      const id = feature.properties?.id as string | undefined;
      if (id) actions.openIncident(id);
      return;
    }
    void map
      .getSource<GeoJSONSource>(SOURCE)
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center: [lngLat.lng, lngLat.lat], zoom }));
  },
});
