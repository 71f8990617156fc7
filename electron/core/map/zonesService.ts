import { AppError } from '../../../shared/envelope';
import type { Zone, ZoneGeometry, ZoneKind } from '../../../shared/contract/map';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { loadSettings } from '../services/settingsService';
import { geometryProblem } from './geometry';
import { zonesToGeoJson, zonesToKml } from './zonesExport';

interface ZoneRow {
  id: string;
  name: string;
  kind: ZoneKind;
  notes: string;
  geometry: string;
  created_at: string;
  updated_at: string;
}

const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  notes: r.notes,
  geometry: JSON.parse(r.geometry) as ZoneGeometry,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function listZones(ctx: Pick<CommandContext, 'db'>): Zone[] {
  const rows = ctx.db.sqlite.prepare('SELECT * FROM map_zones ORDER BY name COLLATE NOCASE, id').all() as ZoneRow[];
  return rows.map(toZone);
}

function getZone(ctx: CommandContext, id: string): Zone {
  const row = ctx.db.sqlite.prepare('SELECT * FROM map_zones WHERE id = ?').get(id) as ZoneRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That zone no longer exists.');
  return toZone(row);
}

function checkShape(geometry: ZoneGeometry): void {
  const problem = geometryProblem(geometry);
  if (problem) {
    throw new AppError('VALIDATION', `The zone's shape is not valid: ${problem}.`, { issues: [{ path: 'geometry', message: 'invalidGeometry' }] });
  }
}

/** Inserts a zone inside the caller's transaction (the demo seeder uses it too). */
export function insertZone(
  ctx: Pick<CommandContext, 'db'>,
  zone: { id: string; name: string; kind: ZoneKind; notes: string; geometry: ZoneGeometry; now: string },
): void {
  ctx.db.sqlite
    .prepare('INSERT INTO map_zones (id, name, kind, notes, geometry, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(zone.id, zone.name, zone.kind, zone.notes, JSON.stringify(zone.geometry), zone.now, zone.now);
}

export const zonesHandlers: Handlers<'map.listZones' | 'map.createZone' | 'map.updateZone' | 'map.deleteZone' | 'map.exportZones'> = {
  'map.listZones': (ctx) => listZones(ctx),

  'map.createZone': (ctx, input) => {
    checkShape(input.geometry);
    return ctx.transact((audit) => {
      const id = newId();
      insertZone(ctx, { id, ...input, now: ctx.nowIso() });
      const after = getZone(ctx, id);
      audit({ entity: 'mapZone', entityId: id, action: 'create', after });
      return after;
    });
  },

  'map.updateZone': (ctx, { id, geometry, ...fields }) => {
    if (geometry) checkShape(geometry);
    return ctx.transact((audit) => {
      const before = getZone(ctx, id);
      ctx.db.sqlite
        .prepare('UPDATE map_zones SET name = ?, kind = ?, notes = ?, geometry = ?, updated_at = ? WHERE id = ?')
        .run(fields.name, fields.kind, fields.notes, JSON.stringify(geometry ?? before.geometry), ctx.nowIso(), id);
      const after = getZone(ctx, id);
      audit({ entity: 'mapZone', entityId: id, action: 'update', before, after });
      return after;
    });
  },

  'map.deleteZone': (ctx, { id }) =>
    ctx.transact((audit) => {
      const before = getZone(ctx, id);
      ctx.db.sqlite.prepare('DELETE FROM map_zones WHERE id = ?').run(id);
      audit({ entity: 'mapZone', entityId: id, action: 'delete', before });
      return { id };
    }),

  'map.exportZones': (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const t = translator(request.lang ?? settings.language);
    const zones = listZones(ctx);
    const demoMarker = settings.isDemo ? t('demoMarker') : null;
    const text = { title: t('map.zonesTitle'), kind: (k: ZoneKind) => t(`map.kinds.${k}`) };
    const data = request.format === 'kml' ? zonesToKml(zones, text, demoMarker) : zonesToGeoJson(zones, text, demoMarker);
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, zones: zones.length, bytes: written.bytes, format: request.format });
    return { ...written, verified: true, zones: zones.length };
  },
};
