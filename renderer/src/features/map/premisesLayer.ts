import type { Feature, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { vigil } from '../../lib/vigil';
import { MAX_PAGE_ROWS } from '../../../../shared/contract/grid';
import type { Premises } from '../../../../shared/contract/premises';
import { PHASE_SCALES, phaseLevel } from '../../../../shared/presets/phaseScales';
import { i18n } from '../../app/i18n';
import { registerMapLayer } from './layerRegistry';

const NO_PHASE = '#7a869a';
const SOURCE = 'premises';

async function allPremises(): Promise<Premises[]> {
  const rows: Premises[] = [];
  for (let start = 0; ; start += MAX_PAGE_ROWS) {
    const page = await vigil.call('premises.list', { startRow: start, endRow: start + MAX_PAGE_ROWS });
    rows.push(...page.rows);
    if (page.rows.length < MAX_PAGE_ROWS || rows.length >= page.total) return rows;
  }
}

registerMapLayer({
  id: 'premises',
  labelKey: 'layers.premises',
  order: 20,
  command: 'premises.list',
  async load() {
    const located = (await allPremises()).filter((p) => p.latitude !== null && p.longitude !== null);
    const features = located.map(
      (p): Feature<Point> => ({
        type: 'Feature',
        id: p.id,
        properties: {
          id: p.id,
          name: p.name,
          colour: (p.phase && phaseLevel(p.phase.scale, p.phase.level)?.colour) ?? NO_PHASE,
        },
        geometry: { type: 'Point', coordinates: [p.longitude as number, p.latitude as number] },
      }),
    );
    // The legend names the phases in force at the premises shown, in scale order.
    const used = new Set(located.map((p) => (p.phase ? `${p.phase.scale}:${p.phase.level}` : '')));
    const legend = Object.values(PHASE_SCALES).flatMap((scale) =>
      scale.levels
        .filter((l) => used.has(`${scale.id}:${l.level}`))
        .map((l) => ({ label: i18n.t(`shell:phase.${scale.id}.${l.key}`), colour: l.colour })),
    );
    if (used.has('')) legend.push({ label: i18n.t('map:legend.noPhase'), colour: NO_PHASE });
    return { features: { type: 'FeatureCollection', features }, legend };
  },
  add(map) {
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'premises-points',
      type: 'circle',
      source: SOURCE,
      paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 5, 10, 8],
        'circle-stroke-color': '#1a1a1a',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'premises-labels',
      type: 'symbol',
      source: SOURCE,
      minzoom: 9,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['Noto Sans Regular'],
        'text-size': 12,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
      },
      paint: { 'text-color': '#1a1a1a', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
  },
  update(map, data) {
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data.features);
  },
  layerIds: ['premises-points', 'premises-labels'],
});
