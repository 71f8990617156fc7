import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { createCore } from '../../../electron/core';
import { silentLogger } from '../../../electron/core/log';
import { closeMbtiles, detectSchema, serveBasemap, tmsRow } from '../../../electron/core/map/basemapFiles';
import { createBasemapAwareHandler } from '../../../electron/main/basemapProtocol';
// The build's own PMTiles writer and tiler make a real, small archive for these tests.
// @ts-expect-error -- a plain .mjs build script without type declarations
import { buildTiles, writePmtiles } from '../../../build/buildBasemap.mjs';
import { PASSPHRASE, call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
let dir: string;
beforeEach(async () => {
  core = await makeUnlockedCore();
  dir = tempDir('vigil-basemaps-');
});
afterEach(() => {
  closeMbtiles();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type TileList = { id: number; data: Buffer }[];
const buildPmtiles = (writePmtiles as (tiles: TileList, metadata: unknown) => Buffer);
const tiler = buildTiles as (layers: Record<string, unknown>) => TileList;

/** A Protomaps-like vector archive over a small square of land with a road through it. */
function protomapsArchive(): Buffer {
  const land = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[36, -2], [38, -2], [38, 0], [36, 0], [36, -2]]] } }] };
  const roads = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: 'highway' }, geometry: { type: 'LineString', coordinates: [[36, -1], [38, -1]] } }] };
  const metadata = { name: 'Nairobi area', format: 'pbf', vector_layers: [{ id: 'earth' }, { id: 'roads' }, { id: 'water' }] };
  return buildPmtiles(tiler({ earth: land, roads }), metadata);
}

function mbtiles(file: string, format: string, tiles: { z: number; x: number; row: number; data: Buffer }[], json?: unknown): void {
  const db = new Database(file);
  db.exec('CREATE TABLE metadata (name text, value text); CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob);');
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  meta.run('name', 'Test tiles');
  meta.run('format', format);
  meta.run('bounds', '36,-2,38,0');
  meta.run('minzoom', '0');
  meta.run('maxzoom', '4');
  if (json) meta.run('json', JSON.stringify(json));
  const insert = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  for (const t of tiles) insert.run(t.z, t.x, t.row, t.data);
  db.close();
}

function write(name: string, data: Buffer | string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
}

const basemapFiles = (c: Core) => (fs.existsSync(path.join(c.dataDir, 'basemaps')) ? fs.readdirSync(path.join(c.dataDir, 'basemaps')) : []);

describe('user basemaps', () => {
  it('copies a PMTiles file into the data dir, recognises its schema, and keeps it across a restart', async () => {
    const source = write('nairobi.pmtiles', protomapsArchive());
    const added = await call(core, 'map.addBasemap', { file: source });
    expect(added).toMatchObject({ name: 'Nairobi area', format: 'pmtiles', tileType: 'vector', schema: 'protomaps', vectorLayers: ['earth', 'roads', 'water'] });
    expect(basemapFiles(core)).toEqual([`${added.id}.pmtiles`]);
    // A copy, not a reference: the original can go with its USB stick.
    fs.rmSync(source);
    const dataDir = core.dataDir;
    core.close();
    core = createCore({ dataDir, adapter: 'cli', logger: silentLogger, validateOutput: true, weakKdfForTests: true });
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    expect((await call(core, 'map.listBasemaps', {})).map((b) => b.id)).toEqual([added.id]);
    const head = serveBasemap(dataDir, `${added.id}.pmtiles`, 'bytes=0-6');
    expect(head.body?.toString('latin1')).toBe('PMTiles');

    await call(core, 'map.removeBasemap', { id: added.id });
    expect(basemapFiles(core)).toEqual([]);
    expect(await call(core, 'map.listBasemaps', {})).toEqual([]);
  });

  it.each([
    ['an empty file', 'empty.pmtiles', () => Buffer.alloc(0), /empty/],
    ['a text file named .pmtiles', 'notes.pmtiles', () => Buffer.from('hello, not tiles at all'), /not a PMTiles archive/],
    ['a truncated archive', 'cut.pmtiles', () => protomapsArchive().subarray(0, 200), /truncated or damaged/],
    ['a text file named .mbtiles', 'notes.mbtiles', () => Buffer.from('hello'), /not an MBTiles file/],
    ['a file of another kind', 'map.tif', () => Buffer.from('II*'), /\.pmtiles or \.mbtiles/],
  ])('refuses %s with a clear message and leaves nothing behind', async (_label, name, data, message) => {
    const refused = await callRaw(core, 'map.addBasemap', { file: write(name, data()) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(message) } });
    expect(basemapFiles(core)).toEqual([]);
    expect(await call(core, 'map.listBasemaps', {})).toEqual([]);
  });

  it('refuses a truncated MBTiles database and leaves nothing behind', async () => {
    const full = path.join(dir, 'full.mbtiles');
    mbtiles(full, 'png', [{ z: 0, x: 0, row: 0, data: Buffer.alloc(5000, 1) }]);
    const cut = write('cut.mbtiles', fs.readFileSync(full).subarray(0, 1024));
    const refused = await callRaw(core, 'map.addBasemap', { file: cut });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(basemapFiles(core)).toEqual([]);
  });

  it('serves MBTiles in XYZ order by flipping the TMS row, and gunzips vector tiles', async () => {
    expect(tmsRow(2, 0)).toBe(3);
    expect(tmsRow(0, 0)).toBe(0);
    const file = path.join(dir, 'area.mbtiles');
    mbtiles(file, 'png', [
      { z: 2, x: 1, row: 3, data: Buffer.from('north') },
      { z: 2, x: 1, row: 0, data: Buffer.from('south') },
    ]);
    const raster = await call(core, 'map.addBasemap', { file });
    expect(raster).toMatchObject({ tileType: 'raster', schema: 'raster', imageFormat: 'png', bounds: [36, -2, 38, 0] });
    expect(serveBasemap(core.dataDir, `${raster.id}/2/1/0.png`, null).body?.toString()).toBe('north');
    expect(serveBasemap(core.dataDir, `${raster.id}/2/1/3.png`, null).body?.toString()).toBe('south');
    expect(serveBasemap(core.dataDir, `${raster.id}/2/2/2.png`, null).status).toBe(204);
    expect(serveBasemap(core.dataDir, `${raster.id}/2/9/0.png`, null).status).toBe(404);

    const vectorFile = path.join(dir, 'omt.mbtiles');
    mbtiles(vectorFile, 'pbf', [{ z: 0, x: 0, row: 0, data: zlib.gzipSync(Buffer.from('protobuf bytes')) }], {
      vector_layers: [{ id: 'water' }, { id: 'transportation' }, { id: 'place' }],
    });
    const vector = await call(core, 'map.addBasemap', { file: vectorFile });
    expect(vector).toMatchObject({ tileType: 'vector', schema: 'openmaptiles' });
    const tile = serveBasemap(core.dataDir, `${vector.id}/0/0/0.pbf`, null);
    expect(tile).toMatchObject({ status: 200, headers: { 'content-type': 'application/x-protobuf' } });
    expect(tile.body?.toString()).toBe('protobuf bytes');
  });

  it('answers byte ranges of a PMTiles file, and nothing outside the basemaps folder', async () => {
    const added = await call(core, 'map.addBasemap', { file: write('a.pmtiles', protomapsArchive()) });
    const size = fs.statSync(path.join(core.dataDir, 'basemaps', `${added.id}.pmtiles`)).size;
    expect(serveBasemap(core.dataDir, `${added.id}.pmtiles`, 'bytes=0-6')).toMatchObject({ status: 206, headers: { 'content-range': `bytes 0-6/${size}` } });
    expect(serveBasemap(core.dataDir, `${added.id}.pmtiles`, 'bytes=-10').body?.length).toBe(10);
    expect(serveBasemap(core.dataDir, `${added.id}.pmtiles`, `bytes=${size}-`)).toMatchObject({ status: 416, headers: { 'content-range': `bytes */${size}` } });
    expect(serveBasemap(core.dataDir, `${added.id}.pmtiles`, null)).toMatchObject({ status: 200 });
    expect(serveBasemap(core.dataDir, `${added.id}.pmtiles`, null).body?.length).toBe(size);
    expect(serveBasemap(core.dataDir, '../vault.db', null).status).toBe(404);
    expect(serveBasemap(core.dataDir, '..%2F..%2Fetc%2Fpasswd.pmtiles', null).status).toBe(404);
  });

  it('names the schema of a vector basemap from its layers', () => {
    expect(detectSchema(['water', 'transportation', 'place', 'building'])).toBe('openmaptiles');
    expect(detectSchema(['earth', 'roads', 'water', 'places'])).toBe('protomaps');
    expect(detectSchema(['contours', 'hillshade'])).toBe('unknown');
  });
});

describe('desktop basemap protocol', () => {
  it('answers app://vigil/_basemaps/ with ranges and security headers, and hands other paths to the app files', async () => {
    const added = await call(core, 'map.addBasemap', { file: write('a.pmtiles', protomapsArchive()) });
    const appFiles = async () => new Response('app file', { status: 200 });
    const handler = createBasemapAwareHandler(appFiles, () => core.dataDir);
    const partial = await handler(new Request(`app://vigil/_basemaps/${added.id}.pmtiles`, { headers: { range: 'bytes=0-6' } }));
    expect(partial.status).toBe(206);
    expect(Buffer.from(await partial.arrayBuffer()).toString('latin1')).toBe('PMTiles');
    expect(partial.headers.get('Content-Range')).toMatch(/^bytes 0-6\/\d+$/);
    expect(partial.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(partial.headers.get('Accept-Ranges')).toBe('bytes');
    expect((await handler(new Request('app://vigil/index.html'))).status).toBe(200);
    expect(await (await handler(new Request('app://vigil/index.html'))).text()).toBe('app file');
    expect((await handler(new Request('app://vigil/_basemaps/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd'))).status).toBe(404);
    expect((await handler(new Request(`app://vigil/_basemaps/${added.id}.pmtiles`, { method: 'POST' }))).status).toBe(405);
    const locked = createBasemapAwareHandler(appFiles, () => null);
    expect((await locked(new Request(`app://vigil/_basemaps/${added.id}.pmtiles`))).status).toBe(404);
  });
});
