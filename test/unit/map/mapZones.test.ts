import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let dir: string;
beforeEach(async () => {
  core = await makeUnlockedCore();
  dir = tempDir('vigil-zones-');
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const square = { type: 'Polygon' as const, coordinates: [[[45.3, 2.0], [45.4, 2.0], [45.4, 2.1], [45.3, 2.1], [45.3, 2.0]]] };

describe('security zones', () => {
  it('creates, renames, reshapes and deletes a zone, with an audit row each', async () => {
    const zone = await call(core, 'map.createZone', { name: 'Market district', kind: 'no_go', geometry: square });
    expect(zone).toMatchObject({ name: 'Market district', kind: 'no_go', notes: '' });
    const moved = { type: 'Polygon' as const, coordinates: [[[45.0, 2.0], [45.1, 2.0], [45.1, 2.1], [45.0, 2.0]]] };
    const updated = await call(core, 'map.updateZone', { id: zone.id, name: 'Old market', kind: 'caution', geometry: moved });
    expect(updated).toMatchObject({ name: 'Old market', kind: 'caution', geometry: moved });
    const renamed = await call(core, 'map.updateZone', { id: zone.id, name: 'Old market', kind: 'safe' });
    expect(renamed.geometry).toEqual(moved);
    await call(core, 'map.deleteZone', { id: zone.id });
    expect(await call(core, 'map.listZones', {})).toEqual([]);
    const audit = await call(core, 'audit.list', { startRow: 0, endRow: 100 });
    expect(audit.rows.filter((r) => JSON.stringify(r).includes(zone.id))).toHaveLength(4);
  });

  it.each([
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }],
    ['a latitude out of range', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 95], [0, 0]]] }],
    ['a point instead of a polygon', { type: 'Point', coordinates: [0, 0] }],
  ])('refuses %s and saves nothing', async (_label, geometry) => {
    const refused = await callRaw(core, 'map.createZone', { name: 'Bad', kind: 'safe', geometry });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'map.listZones', {})).toEqual([]);
  });

  it('exports zones as GeoJSON and as KML that other tools read back', async () => {
    await call(core, 'map.createZone', { name: 'Market district', kind: 'no_go', geometry: square, notes: 'Armed group presence' });
    await call(core, 'map.createZone', { name: 'Compound', kind: 'safe', geometry: square });
    const geojsonPath = path.join(dir, 'zones.geojson');
    const g = await call(core, 'map.exportZones', { format: 'geojson', path: geojsonPath });
    expect(g).toMatchObject({ zones: 2, verified: true });
    const parsed = JSON.parse(fs.readFileSync(geojsonPath, 'utf8')) as { features: { properties: Record<string, string>; geometry: unknown }[] };
    expect(parsed.features.map((f) => [f.properties.name, f.properties.kind, f.properties.kindLabel])).toEqual([
      ['Compound', 'safe', 'Safe zone'],
      ['Market district', 'no_go', 'No-go zone'],
    ]);
    expect(parsed.features[0]?.geometry).toEqual(square);

    const kmlPath = path.join(dir, 'zones.kml');
    await call(core, 'map.exportZones', { format: 'kml', path: kmlPath, lang: 'fr' });
    const kml = fs.readFileSync(kmlPath, 'utf8');
    expect(kml).toContain('<name>Market district</name>');
    expect(kml).toContain('Zone interdite');
    expect(kml).toContain('45.3,2 45.4,2 45.4,2.1 45.3,2.1 45.3,2');
    // Read back by our own KML importer (togeojson), a different code path from the writer.
    const back = await call(core, 'map.importLayer', { file: kmlPath });
    expect(back.layer.featureCount).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain('zones.kml');
    try {
      execFileSync('xmllint', ['--noout', kmlPath]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  });

  it('marks exports of a demo vault as fictional', async () => {
    const demo = await makeUnlockedCore({ demo: true });
    try {
      const out = path.join(dir, 'demo.geojson');
      await call(demo, 'map.exportZones', { format: 'geojson', path: out });
      expect(fs.readFileSync(out, 'utf8')).toContain('FICTIONAL DEMO DATA');
    } finally {
      demo.close();
    }
  });
});

describe('contacts and movements on the map', () => {
  it('leaves sensitive contacts out unless asked for', async () => {
    await call(core, 'contacts.create', { name: 'Open contact', latitude: 2.04, longitude: 45.31 } as never);
    await call(core, 'contacts.create', { name: 'Quiet source', latitude: 2.05, longitude: 45.32, sensitive: true } as never);
    await call(core, 'contacts.create', { name: 'No location' } as never);
    const normal = await call(core, 'contacts.mapPoints', {});
    expect(normal.points.map((p) => p[3])).toEqual(['Open contact']);
    expect(normal.hiddenSensitive).toBe(1);
    const all = await call(core, 'contacts.mapPoints', { includeSensitive: true });
    expect(all.points.map((p) => p[3])).toEqual(['Open contact', 'Quiet source']);
  });
});

describe('movement routes on the map', () => {
  it('draws located waypoints of movements overlapping the window, in route order', async () => {
    const traveller = (await call(core, 'people.create', { name: 'Tomas Reyes', category: 'delegate', status: 'in_country', arrivalAt: '2026-11-01T00:00:00.000Z' } as never)).id;
    const movement = (over: Record<string, unknown>) =>
      call(core, 'movements.create', {
        travellerIds: [traveller],
        purpose: 'Distribution monitoring',
        from: 'Office',
        to: 'Field office',
        departureAt: '2026-12-03T06:00:00.000Z',
        expectedReturnAt: '2026-12-03T14:00:00.000Z',
        ...over,
      } as never);
    const routed = await movement({
      waypoints: [
        { name: 'Office', latitude: -1.29, longitude: 36.82 },
        { name: 'Unknown bridge', latitude: null, longitude: null },
        { name: 'Field office', latitude: -0.5, longitude: 37.1 },
      ],
    });
    await movement({ waypoints: [{ name: 'Nowhere known', latitude: null, longitude: null }] });
    await movement({ departureAt: '2027-01-10T06:00:00.000Z', expectedReturnAt: '2027-01-10T14:00:00.000Z', waypoints: [{ name: 'Later', latitude: 1, longitude: 36 }] });
    const { routes } = await call(core, 'movements.mapRoutes', { from: '2026-12-01', to: '2026-12-31' });
    expect(routes.map((r) => r.id)).toEqual([routed.id]);
    expect(routes[0]?.waypoints.map((w) => w.name)).toEqual(['Office', 'Field office']);
    expect((await call(core, 'movements.mapRoutes', {})).routes).toHaveLength(2);
  });
});

describe('demo vault', () => {
  it('holds fictional zones and an imported checkpoints layer', async () => {
    const demo = await makeUnlockedCore({ demo: true });
    try {
      const zones = await call(demo, 'map.listZones', {});
      expect(zones.map((z) => z.kind).sort()).toEqual(['caution', 'no_go', 'safe']);
      expect(zones.every((z) => z.name.endsWith('(demo)'))).toBe(true);
      const [layer] = await call(demo, 'map.listLayers', {});
      expect(layer).toMatchObject({ name: 'Checkpoints (demo)', featureCount: 4 });
    } finally {
      demo.close();
    }
  });
});
