import { AppError } from '../../../shared/envelope';
import { AREA_LEVELS, type Area, type AreaLevel } from '../../../shared/contract/areas';
import { phaseLevel } from '../../../shared/presets/phaseScales';
import {
  ancestorIds,
  areaDependents,
  deleteArea,
  getArea,
  insertArea,
  insertPhaseDeclaration,
  listAreas,
  listPhaseDeclarations,
  updateArea,
} from '../../../db/repositories/areas';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { loadSettings } from './settingsService';

function requireArea(ctx: CommandContext, id: string): Area {
  const area = getArea(ctx.db.sqlite, id);
  if (!area) throw new AppError('NOT_FOUND', 'That area no longer exists.');
  return area;
}

/** Country > province > district > city: a child sits strictly below its parent; a country has none. */
function checkPlacement(ctx: CommandContext, id: string | null, level: AreaLevel, parentId: string | null): void {
  const rank = AREA_LEVELS.indexOf(level);
  if (parentId === null) {
    if (level !== 'country') {
      throw new AppError('VALIDATION', 'Only a country can be at the top; choose the area it belongs to.', {
        issues: [{ path: 'parentId', message: 'parentRequired' }],
      });
    }
    return;
  }
  const parent = requireArea(ctx, parentId);
  if (AREA_LEVELS.indexOf(parent.level) >= rank) {
    throw new AppError('VALIDATION', `A ${level} cannot be placed under a ${parent.level}.`, {
      issues: [{ path: 'level', message: 'levelBelowParent' }],
    });
  }
  if (id && ancestorIds(ctx.db.sqlite, parentId).includes(id)) {
    throw new AppError('VALIDATION', 'An area cannot be placed under itself or one of its own sub-areas.', {
      issues: [{ path: 'parentId', message: 'cycle' }],
    });
  }
}

export const areasHandlers: Handlers<
  'areas.list' | 'areas.create' | 'areas.update' | 'areas.delete' | 'phases.declare' | 'phases.history'
> = {
  'areas.list': (ctx) => listAreas(ctx.db.sqlite),

  'areas.create': (ctx, input) => {
    const area = ctx.transact((audit) => {
      checkPlacement(ctx, null, input.level, input.parentId);
      const now = ctx.nowIso();
      const id = newId();
      insertArea(ctx.db.orm, { id, ...input, createdAt: now, updatedAt: now });
      const created = requireArea(ctx, id);
      audit({ entity: 'area', entityId: id, action: 'create', after: created });
      return created;
    });
    ctx.emit('areas.changed', [area.id]);
    return area;
  },

  'areas.update': (ctx, { id, ...input }) => {
    const area = ctx.transact((audit) => {
      const before = requireArea(ctx, id);
      checkPlacement(ctx, id, input.level, input.parentId);
      insertOrUpdateGuard(ctx, id, input.level);
      updateArea(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      const after = requireArea(ctx, id);
      audit({ entity: 'area', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('areas.changed', [id]);
    return area;
  },

  'areas.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireArea(ctx, id);
      const deps = areaDependents(ctx.db.sqlite, id);
      if (deps.children || deps.premises) {
        throw new AppError(
          'CONFLICT',
          `"${before.name}" still has ${deps.children} sub-area(s) and ${deps.premises} premises. Move or delete them first.`,
          deps,
        );
      }
      // Phase declarations are the area's own history: they go with it, and the audit keeps the record.
      ctx.db.sqlite.prepare('DELETE FROM phase_declarations WHERE area_id = ?').run(id);
      deleteArea(ctx.db.orm, id);
      audit({ entity: 'area', entityId: id, action: 'delete', before });
    });
    ctx.emit('areas.changed', [id]);
    return { id };
  },

  'phases.declare': (ctx, input) => {
    const declaration = ctx.transact((audit) => {
      const area = requireArea(ctx, input.areaId);
      const { phaseScale } = loadSettings(ctx.db.sqlite);
      if (!phaseLevel(phaseScale, input.level)) {
        throw new AppError('VALIDATION', `Level ${input.level} does not exist on the ${phaseScale.toUpperCase()} scale.`, {
          issues: [{ path: 'level', message: 'levelOutOfScale' }],
        });
      }
      const record = {
        id: newId(),
        areaId: area.id,
        scale: phaseScale,
        level: input.level,
        reason: input.reason,
        declaredAt: ctx.nowIso(),
        declaredBy: ctx.actor(),
      };
      insertPhaseDeclaration(ctx.db.orm, record);
      audit({ entity: 'phase', entityId: record.id, action: 'declare', before: area.phase, after: record });
      return { ...record, areaName: area.name };
    });
    ctx.emit('phases.declared', [input.areaId]);
    return declaration;
  },

  'phases.history': (ctx, { areaId }) => listPhaseDeclarations(ctx.db.sqlite, areaId),
};

/** A level change must keep every child strictly below the area. */
function insertOrUpdateGuard(ctx: CommandContext, id: string, level: AreaLevel): void {
  const deepestChild = ctx.db.sqlite
    .prepare('SELECT level FROM areas WHERE parent_id = ?')
    .all(id) as Array<{ level: AreaLevel }>;
  const rank = AREA_LEVELS.indexOf(level);
  if (deepestChild.some((c) => AREA_LEVELS.indexOf(c.level) <= rank)) {
    throw new AppError('VALIDATION', 'This level would put the area at or below one of its own sub-areas.', {
      issues: [{ path: 'level', message: 'levelAboveChildren' }],
    });
  }
}
