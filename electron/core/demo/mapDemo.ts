import type { ZoneGeometry, ZoneKind } from '../../../shared/contract/map';
import { insertZone } from '../map/zonesService';
import { insertLayer } from '../map/layersService';
import { demoId, type DemoSeeder } from './seedDemo';

/** The fictional country of the demo (about 3°S 62°E, open sea): the zones and checkpoints sit there. */
const CENTRE = { lat: -3.2, lon: 62.1 };

function box(dLon: number, dLat: number, w: number, h: number): ZoneGeometry {
  const [x, y] = [CENTRE.lon + dLon, CENTRE.lat + dLat];
  const ring = [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x + w * 0.4, y + h * 1.2],
    [x, y + h],
    [x, y],
  ].map(([a, b]) => [Number((a as number).toFixed(4)), Number((b as number).toFixed(4))]);
  return { type: 'Polygon', coordinates: [ring] };
}

// The compound and the market lie in Port Amarel, the demo capital (demoPlaces.ts), around the delegation office.
const ZONES: { name: string; kind: ZoneKind; notes: string; geometry: ZoneGeometry }[] = [
  { name: 'Northern hills (demo)', kind: 'no_go', notes: 'Armed clashes reported weekly; no movement without HoD approval (fictional).', geometry: box(-0.9, 0.5, 0.7, 0.5) },
  { name: 'Port market (demo)', kind: 'caution', notes: 'Crowds and petty crime; daylight only, two vehicles (fictional).', geometry: box(-0.45, 0.03, 0.1, 0.07) },
  { name: 'Delegation compound area (demo)', kind: 'safe', notes: 'Hibernation point (fictional).', geometry: box(-0.36, 0.1, 0.12, 0.08) },
];

const CHECKPOINTS = [
  ['CP 1 Kessin road (demo)', 0.55, 0.25],
  ['CP 2 River bridge (demo)', -0.35, 0.1],
  ['CP 3 Airport junction (demo)', 0.25, -0.55],
  ['CP 4 Dunmore gate (demo)', -0.8, -0.4],
] as const;

export const seedMapDemo: DemoSeeder = (ctx) => {
  const at = new Date(ctx.now.getTime() - 30 * 86_400_000);
  const now = at.toISOString();
  for (const z of ZONES) insertZone(ctx, { id: demoId(ctx, at), ...z, now });
  insertLayer(
    ctx,
    { id: demoId(ctx, at), name: 'Checkpoints (demo)', format: 'geojson', sourceName: 'checkpoints-demo.geojson', colour: '#6a3d9a', lineWidth: 2, opacity: 0.9, now },
    CHECKPOINTS.map(([name, dLon, dLat]) => ({
      name,
      geometry: { type: 'Point', coordinates: [Number((CENTRE.lon + dLon).toFixed(4)), Number((CENTRE.lat + dLat).toFixed(4))] },
      properties: { name, manned_by: 'Fictional armed group', notice: 'FICTIONAL DEMO DATA' },
    })),
    () => demoId(ctx, at),
  );
};
