import { AppError } from '../../../shared/envelope';
import { MAX_LAYER_FILE_BYTES, type Layer } from '../../../shared/contract/map';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { readInputFile } from '../files/inputFile';
import { parseLayerFile, type ParsedFeature, type LayerFormat } from './layerParse';

interface LayerRow {
  id: string;
  name: string;
  source_format: Layer['sourceFormat'];
  source_name: string;
  colour: string;
  line_width: number;
  opacity: number;
  visible: number;
  feature_count: number;
  created_at: string;
  updated_at: string;
}

const toLayer = (r: LayerRow): Layer => ({
  id: r.id,
  name: r.name,
  sourceFormat: r.source_format,
  sourceName: r.source_name,
  colour: r.colour,
  lineWidth: r.line_width,
  opacity: r.opacity,
  visible: Boolean(r.visible),
  featureCount: r.feature_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Distinct default colours for successive layers (Okabe-Ito, darker shades). */
const LAYER_COLOURS = ['#6a3d9a', '#1f78b4', '#b15928', '#33a02c', '#e31a1c', '#ff7f00'];

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

function getLayer(ctx: Pick<CommandContext, 'db'>, id: string): Layer {
  const row = ctx.db.sqlite.prepare('SELECT * FROM map_layers WHERE id = ?').get(id) as LayerRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That layer no longer exists.');
  return toLayer(row);
}

/** Writes a layer and its features inside the caller's transaction (the demo seeder uses it too). */
export function insertLayer(
  ctx: Pick<CommandContext, 'db'>,
  layer: { id: string; name: string; format: LayerFormat; sourceName: string; colour: string; lineWidth: number; opacity: number; now: string },
  features: readonly ParsedFeature[],
  featureId: () => string = newId,
): void {
  const sqlite = ctx.db.sqlite;
  sqlite
    .prepare(
      `INSERT INTO map_layers (id, name, source_format, source_name, colour, line_width, opacity, visible, feature_count, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(layer.id, layer.name, layer.format, layer.sourceName, layer.colour, layer.lineWidth, layer.opacity, features.length, layer.now, layer.now);
  const insert = sqlite.prepare('INSERT INTO map_features (id, layer_id, seq, name, geometry, properties) VALUES (?, ?, ?, ?, ?, ?)');
  features.forEach((f, seq) => insert.run(featureId(), layer.id, seq, f.name, JSON.stringify(f.geometry), JSON.stringify(f.properties)));
}

export const layersHandlers: Handlers<'map.listLayers' | 'map.layerFeatures' | 'map.importLayer' | 'map.updateLayer' | 'map.deleteLayer'> = {
  'map.listLayers': (ctx) =>
    (ctx.db.sqlite.prepare('SELECT * FROM map_layers ORDER BY created_at, id').all() as LayerRow[]).map(toLayer),

  'map.layerFeatures': (ctx, { id }) => {
    getLayer(ctx, id);
    const rows = ctx.db.sqlite
      .prepare('SELECT id, name, geometry, properties FROM map_features WHERE layer_id = ? ORDER BY seq')
      .all(id) as { id: string; name: string; geometry: string; properties: string }[];
    return {
      type: 'FeatureCollection' as const,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        geometry: JSON.parse(r.geometry) as unknown,
        properties: { ...(JSON.parse(r.properties) as Record<string, unknown>), name: r.name },
      })),
    };
  },

  'map.importLayer': (ctx, input) => {
    // The size is checked before the file is read: a 200 MB layer never reaches memory.
    const file = readInputFile(ctx, input.file, {
      label: 'The layer file',
      maxBytes: MAX_LAYER_FILE_BYTES,
      tooLarge: (name, size) =>
        new AppError('VALIDATION', `${name} is ${mib(size)} MiB; a map layer file may be at most ${mib(MAX_LAYER_FILE_BYTES)} MiB. Simplify or split it (e.g. with QGIS) and import the parts.`, {
          code: 'fileTooLarge',
        }),
      empty: (name) => new AppError('VALIDATION', `${name} is empty.`, { code: 'emptyFile' }),
    });
    const parsed = parseLayerFile(file.name, file.bytes);
    if (parsed.skipped.length > 0 && !input.skipInvalid) {
      const first = parsed.skipped.slice(0, 5).map((s) => `${s.name} (${s.reason})`).join('; ');
      throw new AppError(
        'VALIDATION',
        `${file.name}: ${parsed.skipped.length} feature(s) have no valid geometry, for example ${first}. Nothing was imported; import again skipping them, or fix the file.`,
        { code: 'invalidFeatures', skipped: parsed.skipped.slice(0, 200) },
      );
    }
    if (parsed.features.length === 0) {
      throw new AppError('VALIDATION', `${file.name} holds no feature with a valid geometry; nothing was imported.`, { code: 'noFeatures' });
    }
    return ctx.transact((audit) => {
      const count = (ctx.db.sqlite.prepare('SELECT count(*) AS n FROM map_layers').get() as { n: number }).n;
      const id = newId();
      const name = input.name || parsed.title?.slice(0, 200) || file.name.replace(/\.[^.]+$/, '');
      insertLayer(
        ctx,
        {
          id,
          name,
          format: parsed.format,
          sourceName: file.name,
          colour: input.style?.colour ?? LAYER_COLOURS[count % LAYER_COLOURS.length] ?? '#6a3d9a',
          lineWidth: input.style?.lineWidth ?? 2,
          opacity: input.style?.opacity ?? 0.8,
          now: ctx.nowIso(),
        },
        parsed.features,
      );
      const layer = getLayer(ctx, id);
      audit({ entity: 'mapLayer', entityId: id, action: 'create', after: { ...layer, skipped: parsed.skipped.length } });
      return { layer, skipped: parsed.skipped };
    });
  },

  'map.updateLayer': (ctx, { id, ...changes }) =>
    ctx.transact((audit) => {
      const before = getLayer(ctx, id);
      const next = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } as Layer;
      ctx.db.sqlite
        .prepare('UPDATE map_layers SET name = ?, colour = ?, line_width = ?, opacity = ?, visible = ?, updated_at = ? WHERE id = ?')
        .run(next.name, next.colour, next.lineWidth, next.opacity, next.visible ? 1 : 0, ctx.nowIso(), id);
      const after = getLayer(ctx, id);
      audit({ entity: 'mapLayer', entityId: id, action: 'update', before, after });
      return after;
    }),

  'map.deleteLayer': (ctx, { id }) =>
    ctx.transact((audit) => {
      const before = getLayer(ctx, id);
      ctx.db.sqlite.prepare('DELETE FROM map_features WHERE layer_id = ?').run(id);
      ctx.db.sqlite.prepare('DELETE FROM map_layers WHERE id = ?').run(id);
      audit({ entity: 'mapLayer', entityId: id, action: 'delete', before });
      return { id };
    }),
};
