import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import { MAX_BASEMAP_BYTES, type Basemap } from '../../../shared/contract/map';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { basemapPath, basemapsDir, closeMbtiles, inspectMbtiles, inspectPmtiles, type BasemapFormat, type BasemapInfo } from './basemapFiles';

interface BasemapRow {
  id: string;
  name: string;
  file_name: string;
  format: BasemapFormat;
  tile_type: 'vector' | 'raster';
  schema: Basemap['schema'];
  metadata: string;
  bytes: number;
  sha256: string;
  created_at: string;
}

const toBasemap = (r: BasemapRow): Basemap => {
  const meta = JSON.parse(r.metadata) as Pick<BasemapInfo, 'vectorLayers' | 'minZoom' | 'maxZoom' | 'bounds' | 'imageFormat'>;
  return {
    id: r.id,
    name: r.name,
    format: r.format,
    tileType: r.tile_type,
    schema: r.schema,
    vectorLayers: meta.vectorLayers,
    minZoom: meta.minZoom,
    maxZoom: meta.maxZoom,
    bounds: meta.bounds,
    imageFormat: meta.imageFormat,
    bytes: r.bytes,
    createdAt: r.created_at,
  };
};

function formatOf(name: string): BasemapFormat {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.pmtiles') return 'pmtiles';
  if (ext === '.mbtiles') return 'mbtiles';
  throw new AppError('VALIDATION', `${name}: a basemap is a .pmtiles or .mbtiles file.`, { code: 'badBasemap' });
}

function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(1024 * 1024);
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Copies the chosen file into `<data dir>/basemaps/` under a temporary name (a basemap on a USB stick
 * would vanish with the stick), checks the copy, and only then gives it its final name and a row. A file
 * that is not a tile archive leaves nothing behind.
 */
async function copyIn(ctx: CommandContext, ref: string, id: string): Promise<{ name: string; format: BasemapFormat; tmp: string; bytes: number }> {
  const dir = basemapsDir(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  if (ref.startsWith('upload:')) {
    const item = ctx.uploads.take(ref.slice('upload:'.length));
    if (!item) throw new AppError('NOT_FOUND', 'The basemap file is no longer available; choose it again.');
    const format = formatOf(item.name);
    const tmp = path.join(dir, `.${id}.${format}.part`);
    fs.writeFileSync(tmp, item.bytes);
    return { name: item.name, format, tmp, bytes: item.bytes.length };
  }
  if (!path.isAbsolute(ref)) throw new AppError('VALIDATION', 'The basemap file must be given as a full path.');
  const name = path.basename(ref);
  const format = formatOf(name);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(ref);
  } catch (error) {
    throw new AppError('IO', `${ref} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (!stat.isFile()) throw new AppError('IO', `${ref} is not a file.`);
  if (stat.size > MAX_BASEMAP_BYTES) throw new AppError('VALIDATION', `${name} is larger than ${MAX_BASEMAP_BYTES / 1024 ** 3} GiB.`);
  const tmp = path.join(dir, `.${id}.${format}.part`);
  await fs.promises.copyFile(ref, tmp);
  return { name, format, tmp, bytes: stat.size };
}

export const basemapsHandlers: Handlers<'map.listBasemaps' | 'map.addBasemap' | 'map.removeBasemap'> = {
  'map.listBasemaps': (ctx) =>
    (ctx.db.sqlite.prepare('SELECT * FROM map_basemaps ORDER BY created_at, id').all() as BasemapRow[]).map(toBasemap),

  'map.addBasemap': async (ctx, input) => {
    const id = newId();
    const copy = await copyIn(ctx, input.file, id);
    const final = basemapPath(ctx.dataDir, id, copy.format) as string;
    try {
      const info = copy.format === 'pmtiles' ? await inspectPmtiles(copy.tmp, copy.name) : inspectMbtiles(copy.tmp, copy.name);
      const sha256 = sha256File(copy.tmp);
      fs.renameSync(copy.tmp, final);
      const metadata = { vectorLayers: info.vectorLayers, minZoom: info.minZoom, maxZoom: info.maxZoom, bounds: info.bounds, imageFormat: info.imageFormat };
      ctx.noteInputFile(copy.name, Buffer.alloc(0));
      return ctx.transact((audit) => {
        ctx.db.sqlite
          .prepare(
            `INSERT INTO map_basemaps (id, name, file_name, format, tile_type, schema, metadata, bytes, sha256, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, input.name || info.name || copy.name.replace(/\.[^.]+$/, ''), copy.name, copy.format, info.tileType, info.schema, JSON.stringify(metadata), copy.bytes, sha256, ctx.nowIso());
        const row = ctx.db.sqlite.prepare('SELECT * FROM map_basemaps WHERE id = ?').get(id) as BasemapRow;
        const after = toBasemap(row);
        audit({ entity: 'mapBasemap', entityId: id, action: 'create', after: { ...after, sha256 } });
        return after;
      });
    } catch (error) {
      fs.rmSync(copy.tmp, { force: true });
      fs.rmSync(final, { force: true });
      throw error;
    }
  },

  'map.removeBasemap': (ctx, { id }) => {
    const row = ctx.db.sqlite.prepare('SELECT * FROM map_basemaps WHERE id = ?').get(id) as BasemapRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That basemap is no longer there.');
    const result = ctx.transact((audit) => {
      ctx.db.sqlite.prepare('DELETE FROM map_basemaps WHERE id = ?').run(id);
      audit({ entity: 'mapBasemap', entityId: id, action: 'delete', before: toBasemap(row) });
      return { id };
    });
    const file = basemapPath(ctx.dataDir, id, row.format);
    if (file) {
      closeMbtiles(file);
      fs.rmSync(file, { force: true });
    }
    return result;
  },
};
