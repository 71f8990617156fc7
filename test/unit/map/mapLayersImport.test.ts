import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { parseLayerFile } from '../../../electron/core/map/layerParse';
import { geometryProblem } from '../../../electron/core/map/geometry';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let dir: string;
beforeEach(async () => {
  core = await makeUnlockedCore();
  dir = tempDir('vigil-map-');
});
afterEach(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const checkpoints = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'CP Alpha' }, geometry: { type: 'Point', coordinates: [36.8, -1.3] } },
    { type: 'Feature', properties: { name: 'Road north' }, geometry: { type: 'LineString', coordinates: [[36.8, -1.3], [36.9, -1.1]] } },
  ],
};

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Districts</name>
<Placemark><name>District A</name><Polygon><outerBoundaryIs><LinearRing><coordinates>30,0 31,0 31,1 30,1 30,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Checkpoint 7</name><Point><coordinates>30.5,0.5</coordinates></Point></Placemark>
</Document></kml>`;

const GPX = `<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="2.05" lon="45.32"><name>Gate</name></wpt>
<rte><name>Airport road</name><rtept lat="2.05" lon="45.32"/><rtept lat="2.01" lon="45.30"/></rte>
</gpx>`;

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&lol9;</name><Point><coordinates>1,1</coordinates></Point></Placemark></Document></kml>`;

describe('geometry checks', () => {
  it.each([
    ['an unclosed ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 'not closed'],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, 'four positions'],
    ['a latitude beyond the pole', { type: 'Point', coordinates: [10, 91] }, 'latitude 91'],
    ['a longitude beyond 180', { type: 'Point', coordinates: [181, 0] }, 'longitude 181'],
    ['NaN', { type: 'Point', coordinates: [Number.NaN, 0] }, 'not a number'],
    ['a coordinate given as text', { type: 'Point', coordinates: ['1', 0] }, 'not a number'],
    ['a one-point line', { type: 'LineString', coordinates: [[0, 0]] }, 'two positions'],
    ['an unknown type', { type: 'Circle', coordinates: [0, 0] }, 'unknown geometry type'],
  ])('names %s', (_label, geometry, reason) => {
    expect(geometryProblem(geometry)).toContain(reason);
  });

  it('accepts valid shapes', () => {
    expect(geometryProblem({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] })).toBeNull();
    expect(geometryProblem({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] })).toBeNull();
  });
});

describe('layer files', () => {
  it('reads KML and GPX through togeojson', () => {
    const kml = parseLayerFile('districts.kml', Buffer.from(KML));
    expect(kml).toMatchObject({ format: 'kml', title: 'Districts', skipped: [] });
    expect(kml.features.map((f) => [f.name, f.geometry.type])).toEqual([
      ['District A', 'Polygon'],
      ['Checkpoint 7', 'Point'],
    ]);
    const gpx = parseLayerFile('route.gpx', Buffer.from(GPX));
    expect(gpx.title).toBeNull();
    expect(gpx.features.map((f) => [f.name, f.geometry.type]).sort()).toEqual([
      ['Airport road', 'LineString'],
      ['Gate', 'Point'],
    ]);
  });

  it('refuses an XML entity bomb at once, without expanding it', () => {
    const started = performance.now();
    expect(() => parseLayerFile('bomb.kml', Buffer.from(BOMB))).toThrow(/declares XML entities/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses XML that is not well-formed, and JSON that is not GeoJSON', () => {
    expect(() => parseLayerFile('broken.kml', Buffer.from('<kml><Document><Placemark></kml>'))).toThrow(/not well-formed XML/);
    expect(() => parseLayerFile('list.json', Buffer.from('{"hello": 1}'))).toThrow(/not GeoJSON/);
    expect(() => parseLayerFile('notes.txt', Buffer.from('just words'))).toThrow(/not a GeoJSON, KML or GPX file/);
  });
});

describe('map layers through dispatch', () => {
  it('imports a GeoJSON layer, lists it, styles it, toggles it and deletes it with its features', async () => {
    const { layer, skipped } = await call(core, 'map.importLayer', { file: file('checkpoints.geojson', JSON.stringify(checkpoints)) });
    expect(skipped).toEqual([]);
    expect(layer).toMatchObject({ name: 'checkpoints', sourceFormat: 'geojson', featureCount: 2, visible: true });
    const features = await call(core, 'map.layerFeatures', { id: layer.id });
    expect(features.features.map((f) => (f.properties as { name: string }).name)).toEqual(['CP Alpha', 'Road north']);

    const styled = await call(core, 'map.updateLayer', { id: layer.id, colour: '#112233', lineWidth: 4, opacity: 0.5, visible: false });
    expect(styled).toMatchObject({ colour: '#112233', lineWidth: 4, opacity: 0.5, visible: false, name: 'checkpoints' });
    expect(await callRaw(core, 'map.updateLayer', { id: layer.id, colour: 'red' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await call(core, 'map.deleteLayer', { id: layer.id });
    expect(await call(core, 'map.listLayers', {})).toEqual([]);
    expect(await callRaw(core, 'map.layerFeatures', { id: layer.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a file with invalid geometry and names the bad features, or skips them when asked', async () => {
    const mixed = {
      type: 'FeatureCollection',
      features: [
        ...checkpoints.features,
        { type: 'Feature', properties: { name: 'Open ring' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } },
        { type: 'Feature', properties: { name: 'Nowhere' }, geometry: { type: 'Point', coordinates: [200, 95] } },
      ],
    };
    const p = file('mixed.geojson', JSON.stringify(mixed).replace('[200,95]', '[200,95]'));
    const refused = await callRaw(core, 'map.importLayer', { file: p });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (refused.ok) return;
    expect(refused.error.message).toMatch(/2 feature\(s\).*Open ring \(a polygon ring is not closed\).*Nowhere \(longitude 200/);
    expect(await call(core, 'map.listLayers', {})).toEqual([]);

    const { layer, skipped } = await call(core, 'map.importLayer', { file: p, skipInvalid: true, name: 'Checkpoints' });
    expect(layer).toMatchObject({ name: 'Checkpoints', featureCount: 2 });
    expect(skipped.map((s) => s.name)).toEqual(['Open ring', 'Nowhere']);
  });

  it('refuses NaN coordinates (written as null by JSON) and a file with nothing valid', async () => {
    const nan = JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [Number.NaN, 1] } });
    const refused = await callRaw(core, 'map.importLayer', { file: file('nan.geojson', nan), skipInvalid: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(core, 'map.listLayers', {})).toEqual([]);
  });

  it('refuses an entity bomb with a clear message and saves nothing', async () => {
    const refused = await callRaw(core, 'map.importLayer', { file: file('bomb.kml', BOMB) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/entity bomb/) } });
    expect(await call(core, 'map.listLayers', {})).toEqual([]);
  });

  it('refuses a 200 MB file by its size before reading it', async () => {
    const big = path.join(dir, 'huge.geojson');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 200 * 1024 * 1024);
    fs.closeSync(fd);
    const started = performance.now();
    const refused = await callRaw(core, 'map.importLayer', { file: big });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/huge\.geojson is 200 MiB; a map layer file may be at most 50/) } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await call(core, 'map.listLayers', {})).toEqual([]);
  });
});
