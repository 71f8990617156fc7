// Builds the built-in world basemap, renderer/public/basemap/world.pmtiles, from Natural Earth shapes that
// ship as npm packages (world-atlas), so the map needs no download. Vector tiles z0-5 with four layers:
// countries (polygons, names in en/fr/es/ar), boundaries (lines between countries), coastline, and
// country_labels (one point per country). The output is deterministic: same packages, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { feature, mesh } from 'topojson-client';
import countryNames from 'i18n-iso-countries';
import { PMTiles, zxyToTileId } from 'pmtiles';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
export const output = path.join(root, 'renderer', 'public', 'basemap', 'world.pmtiles');

const MAX_ZOOM = 5;
const MAX_LAT = 85.0511;
const LANGS = ['fr', 'es', 'ar'];
for (const lang of ['en', ...LANGS]) countryNames.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

// ---------- data preparation ----------

/** Makes a ring continuous across the antimeridian (no 360-degree jumps: those draw stripes). */
function unwrap(line) {
  const out = [];
  let offset = 0;
  for (let i = 0; i < line.length; i++) {
    const [lon, lat] = line[i];
    if (i > 0) {
      const prev = line[i - 1][0];
      if (lon - prev > 180) offset -= 360;
      else if (prev - lon > 180) offset += 360;
    }
    out.push([lon + offset, Math.max(-MAX_LAT, Math.min(MAX_LAT, lat))]);
  }
  return out;
}

/** A ring around a pole ends 360 degrees from where it starts: close it along the map edge. */
function unwrapRing(ring) {
  const out = unwrap(ring);
  const first = out[0];
  const last = out[out.length - 1];
  if (Math.abs(last[0] - first[0]) > 180) {
    const meanLat = out.reduce((s, p) => s + p[1], 0) / out.length;
    const edge = meanLat < 0 ? -MAX_LAT : MAX_LAT;
    out.push([last[0], edge], [first[0], edge], first);
  }
  return out;
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a / 2;
}

function ringCentroid(ring) {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  if (a === 0) return ring[0];
  return [x / (3 * a), y / (3 * a)];
}

function pointInRing([px, py], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const round = (n) => Math.round(n * 1e5) / 1e5;
const wrapLon = (lon) => ((((lon + 180) % 360) + 360) % 360) - 180;

export function prepareFeatures() {
  const topo = require('world-atlas/countries-50m.json');
  const countries = feature(topo, topo.objects.countries).features;
  const polygons = [];
  const labels = [];
  for (const c of countries) {
    const alpha2 = c.id ? countryNames.numericToAlpha2(c.id) : undefined;
    const names = { name: c.properties.name ?? '' };
    for (const lang of LANGS) names[`name_${lang}`] = (alpha2 && countryNames.getName(alpha2, lang)) || names.name;
    const polys = polygonsOf(c.geometry).map((p) => p.map(unwrapRing));
    if (polys.length === 0) continue;
    polygons.push({
      type: 'Feature',
      properties: { id: c.id ?? '', ...names },
      geometry: { type: 'MultiPolygon', coordinates: polys },
    });
    // Label on the largest polygon: its centroid, or the middle of its bounding box when that lies outside.
    let best = polys[0];
    for (const p of polys) if (Math.abs(ringArea(p[0])) > Math.abs(ringArea(best[0]))) best = p;
    const area = Math.abs(ringArea(best[0]));
    let at = ringCentroid(best[0]);
    if (!pointInRing(at, best[0])) {
      const lons = best[0].map((p) => p[0]);
      const lats = best[0].map((p) => p[1]);
      at = [(Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2];
    }
    const minzoom = area > 150 ? 0 : area > 20 ? 2 : area > 2 ? 3 : 4;
    labels.push({
      type: 'Feature',
      properties: { ...names, minzoom, rank: Math.round(area * 100) },
      geometry: { type: 'Point', coordinates: [round(wrapLon(at[0])), round(at[1])] },
    });
  }
  const lines = (filter) => {
    const m = mesh(topo, topo.objects.countries, filter);
    return { type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: m.coordinates.map(unwrap) } };
  };
  return {
    countries: { type: 'FeatureCollection', features: polygons },
    boundaries: { type: 'FeatureCollection', features: [lines((a, b) => a !== b)] },
    coastline: { type: 'FeatureCollection', features: [lines((a, b) => a === b)] },
    country_labels: { type: 'FeatureCollection', features: labels },
  };
}

// ---------- tiling ----------

export function buildTiles(layers) {
  const indexes = Object.fromEntries(
    Object.entries(layers).map(([name, fc]) => [
      name,
      new GeoJSONVT(fc, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0, tolerance: 3, buffer: 64 }),
    ]),
  );
  const tiles = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const n = 1 << z;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        const present = {};
        for (const [name, index] of Object.entries(indexes)) {
          const t = index.getTile(z, x, y);
          if (t && t.features.length > 0) present[name] = t;
        }
        if (Object.keys(present).length === 0) continue; // open sea: the background colour shows
        const pbf = vtpbf.fromGeojsonVt(present, { version: 2, extent: 4096 });
        tiles.push({ id: zxyToTileId(z, x, y), data: gzipSync(Buffer.from(pbf), { level: 9 }) });
      }
    }
  }
  tiles.sort((a, b) => a.id - b.id);
  return tiles;
}

// ---------- PMTiles v3 writer (the pmtiles package reads archives; writing one is this much) ----------

function writeVarint(out, n) {
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function serializeDirectory(entries) {
  const out = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return Buffer.from(out);
}

export function writePmtiles(tiles, metadata) {
  const HEADER = 127;
  const blobs = [];
  const byContent = new Map();
  const entries = [];
  let dataLength = 0;
  for (const t of tiles) {
    const key = t.data.toString('base64');
    let offset = byContent.get(key);
    if (offset === undefined) {
      offset = dataLength;
      byContent.set(key, offset);
      blobs.push(t.data);
      dataLength += t.data.length;
    }
    const prev = entries[entries.length - 1];
    if (prev && prev.offset === offset && prev.tileId + prev.runLength === t.id) prev.runLength++;
    else entries.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
  }
  const root = gzipSync(serializeDirectory(entries), { level: 9 });
  if (HEADER + root.length > 16384) throw new Error('basemap root directory too large: add leaf directories');
  const meta = gzipSync(Buffer.from(JSON.stringify(metadata)), { level: 9 });
  const header = Buffer.alloc(HEADER);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = HEADER;
  const metaOffset = rootOffset + root.length;
  const dataOffset = metaOffset + meta.length;
  const u64 = (pos, v) => header.writeBigUInt64LE(BigInt(v), pos);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, dataOffset); // no leaf directories
  u64(48, 0);
  u64(56, dataOffset);
  u64(64, dataLength);
  u64(72, tiles.length);
  u64(80, entries.length);
  u64(88, blobs.length);
  header.writeUInt8(0, 96); // not clustered (identical tiles share one blob)
  header.writeUInt8(2, 97); // internal compression gzip
  header.writeUInt8(2, 98); // tile compression gzip
  header.writeUInt8(1, 99); // mvt
  header.writeUInt8(0, 100);
  header.writeUInt8(MAX_ZOOM, 101);
  header.writeInt32LE(-180e7, 102);
  header.writeInt32LE(Math.round(-MAX_LAT * 1e7), 106);
  header.writeInt32LE(180e7, 110);
  header.writeInt32LE(Math.round(MAX_LAT * 1e7), 114);
  header.writeUInt8(1, 118);
  header.writeInt32LE(0, 119);
  header.writeInt32LE(20e7, 123);
  return Buffer.concat([header, root, meta, ...blobs]);
}

export const METADATA = {
  name: 'Vigil world basemap',
  attribution: 'Natural Earth',
  format: 'pbf',
  vector_layers: [
    { id: 'countries', fields: { id: 'String', name: 'String', name_fr: 'String', name_es: 'String', name_ar: 'String' } },
    { id: 'boundaries', fields: {} },
    { id: 'coastline', fields: {} },
    {
      id: 'country_labels',
      fields: { name: 'String', name_fr: 'String', name_es: 'String', name_ar: 'String', minzoom: 'Number', rank: 'Number' },
    },
  ],
};

/** Reads the archive back with the pmtiles package, so a writer bug fails the build, not the map. */
async function check(archive, tileCount) {
  const source = {
    getKey: () => 'world.pmtiles',
    getBytes: async (offset, length) => ({ data: archive.buffer.slice(archive.byteOffset + offset, archive.byteOffset + offset + length) }),
  };
  const p = new PMTiles(source);
  const header = await p.getHeader();
  if (header.numAddressedTiles !== tileCount || header.maxZoom !== MAX_ZOOM) throw new Error('basemap header check failed');
  const z0 = await p.getZxy(0, 0, 0);
  const z5 = await p.getZxy(5, 20, 15); // Central Asia / Middle East land
  if (!z0 || z0.data.byteLength === 0 || !z5) throw new Error('basemap tile check failed');
}

export async function buildBasemap() {
  const started = performance.now();
  const tiles = buildTiles(prepareFeatures());
  const archive = writePmtiles(tiles, METADATA);
  await check(archive, tiles.length);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, archive);
  const ms = Math.round(performance.now() - started);
  console.log(`basemap: ${tiles.length} tiles, ${(archive.length / 1024).toFixed(0)} KiB in ${ms} ms -> ${path.relative(root, output)}`);
  return archive;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildBasemap();
}
