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

/** What still points at a premises and would block its deletion (foreign keys ON DELETE RESTRICT). */
interface PremisesUses {
  posts: number;
  /** Roster cells on those posts, past and future. */
  shifts: number;
  inspections: number;
  equipment: number;
  /** Risks that name the premises as their place or among their locations. */
  risks: number;
  /** Any other table that restricts the deletion, by table name (a module added later). */
  other: Record<string, number>;
}

const count = (ctx: CommandContext, sql: string, ...params: string[]): number => (ctx.db.sqlite.prepare(sql).get(...params) as { n: number }).n;

function premisesUses(ctx: CommandContext, id: string): PremisesUses {
  // Every table whose foreign key onto premises would refuse the delete, read from the schema itself, so
  // that a table added later still gets a clear message rather than the generic constraint error.
  const restricting = ctx.db.sqlite
    .prepare(
      `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'premises' AND upper(f.on_delete) NOT IN ('CASCADE', 'SET NULL', 'SET DEFAULT')`,
    )
    .all() as { tbl: string; col: string }[];
  const tables = new Set(restricting.map((r) => r.tbl));
  const known = new Set(['roster_posts', 'inspections', 'corrective_actions', 'equipment', 'risks', 'risk_premises']);
  const uses: PremisesUses = {
    posts: tables.has('roster_posts') ? count(ctx, 'SELECT count(*) AS n FROM roster_posts WHERE premises_id = ?', id) : 0,
    shifts: tables.has('roster_posts')
      ? count(ctx, 'SELECT count(*) AS n FROM roster_assignments a JOIN roster_posts p ON p.id = a.post_id WHERE p.premises_id = ?', id)
      : 0,
    inspections: tables.has('inspections') ? count(ctx, 'SELECT count(*) AS n FROM inspections WHERE premises_id = ?', id) : 0,
    equipment: tables.has('equipment') ? count(ctx, 'SELECT count(*) AS n FROM equipment WHERE premises_id = ?', id) : 0,
    risks:
      tables.has('risks') && tables.has('risk_premises')
        ? count(ctx, 'SELECT count(*) AS n FROM (SELECT id FROM risks WHERE premises_id = ? UNION SELECT risk_id FROM risk_premises WHERE premises_id = ?)', id, id)
        : 0,
    other: {},
  };
  // Corrective actions go with their inspection (cascade), so they only count on their own without one.
  if (uses.inspections === 0 && tables.has('corrective_actions')) known.delete('corrective_actions');
  for (const r of restricting) {
    if (known.has(r.tbl)) continue;
    const n = count(ctx, `SELECT count(*) AS n FROM "${r.tbl.replaceAll('"', '""')}" WHERE "${r.col.replaceAll('"', '""')}" = ?`, id);
    if (n > 0) uses.other[r.tbl] = (uses.other[r.tbl] ?? 0) + n;
  }
  return uses;
}

/** The refusal in the user's language: what still uses the premises, how many, and where to deal with it. */
function premisesInUseMessage(lang: Parameters<typeof translator>[0], name: string, uses: PremisesUses): string | null {
  const t = translator(lang);
  const parts: string[] = [];
  const steps: string[] = [];
  if (uses.posts) {
    parts.push(t('premisesDelete.parts.posts', { count: uses.posts }) + (uses.shifts ? ` ${t('premisesDelete.parts.shifts', { count: uses.shifts })}` : ''));
    steps.push(t('premisesDelete.steps.posts', { count: uses.posts }));
  }
  for (const key of ['inspections', 'equipment', 'risks'] as const) {
    if (!uses[key]) continue;
    parts.push(t(`premisesDelete.parts.${key}`, { count: uses[key] }));
    steps.push(t(`premisesDelete.steps.${key}`, { count: uses[key] }));
  }
  for (const [table, n] of Object.entries(uses.other)) parts.push(t('premisesDelete.parts.other', { count: n, table }));
  if (Object.keys(uses.other).length) steps.push(t('premisesDelete.steps.other'));
  if (!parts.length) return null;
  const list = new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(parts);
  return [t('premisesDelete.inUse', { name, uses: list }), ...steps, t('premisesDelete.nothingDeleted')].join(' ');
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
      const uses = premisesUses(ctx, id);
      const refusal = premisesInUseMessage(loadSettings(ctx.db.sqlite).language, before.name, uses);
      if (refusal) throw new AppError('CONFLICT', refusal, { reason: 'PREMISES_IN_USE', ...uses });
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
