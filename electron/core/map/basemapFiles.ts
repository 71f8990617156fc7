import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { AppError } from '../../../shared/envelope';
import { contentRange, parseByteRange, unsatisfiedRange } from '../../../shared/http/range';

/** Basemaps are public map data: plain copies under `<data dir>/basemaps/`, named by their id. */
export const BASEMAPS_FOLDER = 'basemaps';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type BasemapFormat = 'pmtiles' | 'mbtiles';
export type BasemapSchemaName = 'openmaptiles' | 'protomaps' | 'unknown' | 'raster';

export interface BasemapInfo {
  tileType: 'vector' | 'raster';
  schema: BasemapSchemaName;
  vectorLayers: string[];
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  imageFormat: string | null;
  name: string | null;
}

export const basemapsDir = (dataDir: string) => path.join(dataDir, BASEMAPS_FOLDER);

/** The copy of basemap `id`, or null for anything that is not one of our ids (no path tricks). */
export function basemapPath(dataDir: string, id: string, format: BasemapFormat): string | null {
  if (!ID.test(id)) return null;
  return path.join(basemapsDir(dataDir), `${id}.${format}`);
}

/** MBTiles stores rows in TMS order (row 0 at the south); XYZ tiles count from the north. */
export const tmsRow = (z: number, y: number) => (1 << z) - 1 - y;

/** Which of the common vector schemas a basemap follows, from its source layer names. */
export function detectSchema(vectorLayers: readonly string[]): BasemapSchemaName {
  const has = (name: string) => vectorLayers.includes(name);
  if (has('transportation') && (has('water') || has('landcover') || has('place'))) return 'openmaptiles';
  if (has('roads') && (has('earth') || has('water') || has('places'))) return 'protomaps';
  return 'unknown';
}

const bad = (name: string, message: string) => new AppError('VALIDATION', `${name}: ${message}`, { code: 'badBasemap' });

function vectorLayerIds(json: unknown): string[] {
  const layers = (json as { vector_layers?: unknown })?.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.map((l) => (l as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string').slice(0, 200);
}

/** Reads a PMTiles file from disk a range at a time, as the pmtiles library asks. */
class NodeFileSource implements Source {
  constructor(private readonly file: string) {}
  getKey() {
    return this.file;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const handle = await fs.promises.open(this.file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      const data = buffer.subarray(0, bytesRead);
      return { data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
    } finally {
      await handle.close();
    }
  }
}

export async function inspectPmtiles(file: string, name: string): Promise<BasemapInfo> {
  const size = fs.statSync(file).size;
  if (size === 0) throw bad(name, 'the file is empty.');
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 7).toString('latin1') !== 'PMTiles') throw bad(name, 'this is not a PMTiles archive.');
  if (head[7] !== 3) throw bad(name, `PMTiles version ${head[7]} is not supported (version 3 is).`);
  const archive = new PMTiles(new NodeFileSource(file));
  let header;
  let metadata: unknown;
  try {
    header = await archive.getHeader();
    if (header.rootDirectoryOffset + header.rootDirectoryLength > size || header.tileDataOffset + (header.tileDataLength ?? 0) > size) {
      throw new Error('truncated');
    }
    metadata = await archive.getMetadata();
  } catch {
    throw bad(name, 'the PMTiles archive is truncated or damaged.');
  }
  const vector = header.tileType === TileType.Mvt;
  const raster = [TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif].includes(header.tileType);
  if (!vector && !raster) throw bad(name, 'the archive holds tiles of an unknown type.');
  const vectorLayers = vector ? vectorLayerIds(metadata) : [];
  const imageFormat = raster ? ({ [TileType.Png]: 'png', [TileType.Jpeg]: 'jpg', [TileType.Webp]: 'webp', [TileType.Avif]: 'avif' } as Record<number, string>)[header.tileType] ?? null : null;
  const metaName = (metadata as { name?: unknown })?.name;
  return {
    tileType: vector ? 'vector' : 'raster',
    schema: vector ? detectSchema(vectorLayers) : 'raster',
    vectorLayers,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    imageFormat,
    name: typeof metaName === 'string' ? metaName.slice(0, 200) : null,
  };
}

function openMbtiles(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function inspectMbtiles(file: string, name: string): BasemapInfo {
  if (fs.statSync(file).size === 0) throw bad(name, 'the file is empty.');
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== 'SQLite format 3\0') throw bad(name, 'this is not an MBTiles file (not an SQLite database).');
  let db: Database.Database | null = null;
  try {
    db = openMbtiles(file);
    const meta = new Map(
      (db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((r) => [r.name, r.value]),
    );
    const any = db.prepare('SELECT zoom_level AS z FROM tiles LIMIT 1').get() as { z: number } | undefined;
    if (!any) throw bad(name, 'the MBTiles file holds no tiles.');
    const format = (meta.get('format') ?? '').toLowerCase();
    const vector = format === 'pbf' || format === 'mvt';
    if (!vector && !['png', 'jpg', 'jpeg', 'webp'].includes(format)) throw bad(name, `tiles of format "${format || 'unknown'}" are not supported (pbf, png, jpg, webp are).`);
    let json: unknown = null;
    try {
      json = JSON.parse(meta.get('json') ?? 'null');
    } catch {
      json = null;
    }
    const vectorLayers = vector ? vectorLayerIds(json) : [];
    const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { lo: number; hi: number };
    const b = (meta.get('bounds') ?? '').split(',').map(Number);
    return {
      tileType: vector ? 'vector' : 'raster',
      schema: vector ? detectSchema(vectorLayers) : 'raster',
      vectorLayers,
      minZoom: Number(meta.get('minzoom') ?? zooms.lo),
      maxZoom: Number(meta.get('maxzoom') ?? zooms.hi),
      bounds: b.length === 4 && b.every(Number.isFinite) ? (b as [number, number, number, number]) : null,
      imageFormat: vector ? null : format === 'jpeg' ? 'jpg' : format,
      name: meta.get('name')?.slice(0, 200) ?? null,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw bad(name, 'the MBTiles file is truncated, damaged or lacks its tiles and metadata tables.');
  } finally {
    db?.close();
  }
}

const TILE_TYPES: Record<string, string> = {
  pbf: 'application/x-protobuf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

const openMbtilesCache = new Map<string, Database.Database>();

/** Closes cached MBTiles handles (before a basemap file is removed, and on shutdown). */
export function closeMbtiles(file?: string): void {
  for (const [key, db] of openMbtilesCache) {
    if (file && key !== file) continue;
    db.close();
    openMbtilesCache.delete(key);
  }
}

/** One XYZ tile of an MBTiles file, gunzipped (MapLibre wants raw protobuf), or null where there is none. */
export function readMbtilesTile(file: string, z: number, x: number, y: number): Buffer | null {
  let db = openMbtilesCache.get(file);
  if (!db) {
    db = openMbtiles(file);
    openMbtilesCache.set(file, db);
  }
  const row = db
    .prepare('SELECT tile_data AS data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?')
    .get(z, x, tmsRow(z, y)) as { data: Buffer } | undefined;
  if (!row) return null;
  const data = Buffer.from(row.data);
  return data[0] === 0x1f && data[1] === 0x8b ? zlib.gunzipSync(data) : data;
}

export interface TileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/**
 * Answers a request for a user basemap, for both the web adapter and the desktop protocol:
 * `<id>.pmtiles` with HTTP Range support, or `<id>/<z>/<x>/<y>` of an MBTiles file.
 */
export function serveBasemap(dataDir: string, subpath: string, rangeHeader: string | null | undefined): TileResponse {
  const notFound: TileResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: Buffer.from('Not found') };
  const pm = /^([0-9a-f-]{36})\.pmtiles$/.exec(subpath);
  if (pm) {
    const file = basemapPath(dataDir, pm[1] as string, 'pmtiles');
    if (!file || !fs.existsSync(file)) return notFound;
    const size = fs.statSync(file).size;
    const range = parseByteRange(rangeHeader, size);
    const headers = { 'content-type': 'application/octet-stream', 'accept-ranges': 'bytes' };
    if (range.kind === 'unsatisfiable') return { status: 416, headers: { ...headers, 'content-range': unsatisfiedRange(size) }, body: null };
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : size - 1;
    const body = Buffer.alloc(end - start + 1);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, body, 0, body.length, start);
    } finally {
      fs.closeSync(fd);
    }
    return range.kind === 'partial'
      ? { status: 206, headers: { ...headers, 'content-range': contentRange(start, end, size) }, body }
      : { status: 200, headers, body };
  }
  const mb = /^([0-9a-f-]{36})\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})(?:\.(pbf|png|jpg|webp))?$/.exec(subpath);
  if (mb) {
    const file = basemapPath(dataDir, mb[1] as string, 'mbtiles');
    const [z, x, y] = [Number(mb[2]), Number(mb[3]), Number(mb[4])];
    if (!file || !fs.existsSync(file) || z > 30 || x >= 2 ** z || y >= 2 ** z) return notFound;
    const tile = readMbtilesTile(file, z, x, y);
    // No tile here: an empty answer, which MapLibre draws as nothing (a 404 would log an error per tile).
    if (!tile) return { status: 204, headers: {}, body: null };
    return { status: 200, headers: { 'content-type': TILE_TYPES[mb[5] ?? 'pbf'] ?? 'application/octet-stream' }, body: tile };
  }
  return notFound;
}
