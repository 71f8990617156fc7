import { AppError } from '../../../shared/envelope';
import { PREMISES_COLUMNS, type Premises, type PremisesColumn } from '../../../shared/contract/premises';
import { phaseLevel } from '../../../shared/presets/phaseScales';
import { getArea } from '../../../db/repositories/areas';
import {
  deletePremises,
  getPremises,
  insertPremises,
  queryPremises,
  updatePremises,
} from '../../../db/repositories/premises';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, toXlsx, type CellValue, type TabularColumn } from '../export/tabular';
import { loadSettings } from './settingsService';

function requirePremises(ctx: CommandContext, id: string): Premises {
  const found = getPremises(ctx.db.sqlite, id);
  if (!found) throw new AppError('NOT_FOUND', 'Those premises no longer exist.');
  return found;
}

function requireAreaIfAny(ctx: CommandContext, areaId: string | null): void {
  if (areaId && !getArea(ctx.db.sqlite, areaId)) {
    throw new AppError('VALIDATION', 'The chosen area no longer exists.', { issues: [{ path: 'areaId', message: 'unknownArea' }] });
  }
}

function exportColumns(lang: Parameters<typeof translator>[0], ids: readonly PremisesColumn[]): TabularColumn<Premises>[] {
  const t = translator(lang);
  const value: Record<PremisesColumn, (p: Premises) => CellValue> = {
    name: (p) => p.name,
    type: (p) => t(`premises.types.${p.type}`),
    areaPath: (p) => p.areaPath,
    address: (p) => p.address,
    latitude: (p) => p.latitude,
    longitude: (p) => p.longitude,
    focalPoint: (p) => p.focalPoint,
    safeRoom: (p) => t(p.safeRoom ? 'yes' : 'no'),
    safeRoomNotes: (p) => p.safeRoomNotes,
    phase: (p) => {
      const level = p.phase ? phaseLevel(p.phase.scale, p.phase.level) : undefined;
      return p.phase && level ? t(`phase.${p.phase.scale}.${level.key}`) : null;
    },
    notes: (p) => p.notes,
    updatedAt: (p) => p.updatedAt,
  };
  return ids.map((id) => ({ id, header: t(`premises.columns.${id}`), value: value[id] }));
}

export const premisesHandlers: Handlers<
  'premises.list' | 'premises.get' | 'premises.create' | 'premises.update' | 'premises.delete' | 'premises.export'
> = {
  'premises.list': (ctx, q) =>
    queryPremises(ctx.db.sqlite, q, { offset: q.startRow, limit: q.endRow - q.startRow }),

  'premises.get': (ctx, { id }) => requirePremises(ctx, id),

  'premises.create': (ctx, input) => {
    const created = ctx.transact((audit) => {
      requireAreaIfAny(ctx, input.areaId);
      const now = ctx.nowIso();
      const id = newId();
      insertPremises(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const after = requirePremises(ctx, id);
      audit({ entity: 'premises', entityId: id, action: 'create', after });
      return after;
    });
    ctx.emit('premises.changed', [created.id]);
    return created;
  },

  'premises.update': (ctx, { id, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requirePremises(ctx, id);
      requireAreaIfAny(ctx, input.areaId);
      updatePremises(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      const after = requirePremises(ctx, id);
      audit({ entity: 'premises', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('premises.changed', [id]);
    return updated;
  },

  'premises.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requirePremises(ctx, id);
      deletePremises(ctx.db.orm, id);
      audit({ entity: 'premises', entityId: id, action: 'delete', before });
    });
    ctx.emit('premises.changed', [id]);
    return { id };
  },

  'premises.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const wanted = (request.columns ?? PREMISES_COLUMNS).filter((c): c is PremisesColumn =>
      (PREMISES_COLUMNS as readonly string[]).includes(c),
    );
    if (wanted.length === 0) throw new AppError('VALIDATION', 'Choose at least one column to export.');
    const { rows } = queryPremises(ctx.db.sqlite, request.view, null);
    const columns = exportColumns(lang, wanted);
    const options = {
      sheetName: translator(lang)('premises.sheet'),
      demoMarker: settings.isDemo ? translator(lang)('demoMarker') : null,
    };
    const data = request.format === 'csv' ? toCsv(columns, rows, options) : await toXlsx(columns, rows, options);
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },
};
