import { AppError } from '../../../shared/envelope';
import type { Language } from '../../../shared/contract/common';
import type { Movement, MovementAlarm, MovementDetail } from '../../../shared/contract/movements';
import { checkTransition, isEditable, type MovementState } from '../../../shared/domain/movementStates';
import { overdue } from '../../../shared/domain/movementOverdue';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { localDay } from '../../../shared/domain/zonedTime';
import { getPersonRow } from '../../../db/repositories/people';
import * as repo from '../../../db/repositories/movements';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { translator } from '../i18n';
import { checkExportTarget, writeExport } from '../export/exportFile';
import { toCsv, type TabularColumn } from '../export/tabular';
import { escapeHtml, renderPdf, reportFontFaces } from '../report/renderPdf';
import { loadSettings } from './settingsService';
import { vehiclesHandlers } from './vehiclesService';

function hydrate(ctx: CommandContext, rows: repo.MovementRow[]): MovementDetail[] {
  const ids = rows.map((r) => r.id);
  const travellers = repo.travellersOf(ctx.db.sqlite, ids);
  const checkIns = repo.checkInsOf(ctx.db.sqlite, ids);
  const acks = repo.acksOf(ctx.db.sqlite, ids);
  const margin = repo.loadMarginMinutes(ctx.db.sqlite);
  const now = ctx.now();
  return rows.map((r) => {
    const mine = checkIns.filter((c) => c.movementId === r.id);
    const myAcks = acks.filter((a) => a.movementId === r.id);
    const names = travellers.filter((t) => t.movementId === r.id).map((t) => ({ id: t.id, name: t.name }));
    const late = overdue(
      { state: r.state, plannedCheckIns: r.plannedCheckIns, expectedReturnAt: r.expectedReturnAt, checkIns: mine, acknowledgedDues: myAcks.map((a) => a.dueAt) },
      now,
      margin,
    );
    const alarm: MovementAlarm | null = late
      ? { movementId: r.id, purpose: r.purpose, from: r.fromPlace, to: r.toPlace, travellers: names.map((n) => n.name), callSigns: r.callSigns, ...late }
      : null;
    return {
      id: r.id,
      state: r.state,
      travellers: names,
      driverId: r.driverId,
      driverName: r.driverName,
      vehicleId: r.vehicleId,
      vehiclePlate: r.vehiclePlate,
      purpose: r.purpose,
      from: r.fromPlace,
      to: r.toPlace,
      waypoints: r.waypoints,
      departureAt: r.departureAt,
      expectedArrivalAt: r.expectedArrivalAt,
      expectedReturnAt: r.expectedReturnAt,
      plannedCheckIns: r.plannedCheckIns,
      communication: r.communication,
      callSigns: r.callSigns,
      riskNotes: r.riskNotes,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
      conditions: r.conditions,
      refusalReason: r.refusalReason,
      lastCheckInAt: mine.at(-1)?.at ?? null,
      alarm,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      checkIns: mine.map(({ movementId: _m, ...c }) => c),
      acknowledgements: myAcks.map(({ movementId: _m, ...a }) => a),
    };
  });
}

const summary = ({ checkIns: _c, acknowledgements: _a, ...m }: MovementDetail): Movement => m;

function requireMovement(ctx: CommandContext, id: string): MovementDetail {
  const row = repo.getMovementRow(ctx.db.sqlite, id);
  if (!row) throw new AppError('NOT_FOUND', 'That movement no longer exists.');
  return hydrate(ctx, [row])[0]!;
}

function checkPeopleAndVehicle(ctx: CommandContext, input: { travellerIds: string[]; driverId: string | null; vehicleId: string | null }): void {
  for (const [i, id] of input.travellerIds.entries()) {
    const p = getPersonRow(ctx.db.sqlite, id);
    if (!p) throw new AppError('VALIDATION', 'A traveller is no longer in the personnel list.', { issues: [{ path: `travellerIds.${i}`, message: 'unknownPerson' }] });
    if (p.status === 'left') {
      throw new AppError('VALIDATION', `${p.name} has left the country and cannot travel.`, { issues: [{ path: `travellerIds.${i}`, message: 'travellerLeft' }] });
    }
  }
  if (input.driverId) {
    const d = getPersonRow(ctx.db.sqlite, input.driverId);
    if (!d) throw new AppError('VALIDATION', 'The driver is no longer in the personnel list.', { issues: [{ path: 'driverId', message: 'unknownPerson' }] });
    if (d.status === 'left') throw new AppError('VALIDATION', `${d.name} has left the country and cannot drive.`, { issues: [{ path: 'driverId', message: 'travellerLeft' }] });
  }
  if (input.vehicleId && !repo.getVehicle(ctx.db.sqlite, input.vehicleId)) {
    throw new AppError('VALIDATION', 'The chosen vehicle no longer exists.', { issues: [{ path: 'vehicleId', message: 'unknownVehicle' }] });
  }
}

/** Moves a movement through the state machine; refused moves leave it unchanged. */
function transition(
  ctx: CommandContext,
  id: string,
  to: MovementState,
  changes: Partial<Omit<repo.MovementRecord, 'id' | 'createdAt'>> = {},
  guard?: (before: MovementDetail) => void,
): MovementDetail {
  const after = ctx.transact((audit) => {
    const before = requireMovement(ctx, id);
    const check = checkTransition(before.state, to);
    if (!check.ok) throw new AppError('CONFLICT', check.message, { from: before.state, to });
    guard?.(before);
    repo.updateMovement(ctx.db.orm, id, { ...changes, state: to, updatedAt: ctx.nowIso() });
    const result = requireMovement(ctx, id);
    audit({ entity: 'movement', entityId: id, action: to, before: summary(before), after: summary(result) });
    return result;
  });
  ctx.emit('movements.changed', [id]);
  return after;
}

function dayMovements(ctx: CommandContext, day: string): MovementDetail[] {
  const timeZone = loadSettings(ctx.db.sqlite).timeZone;
  // A local day lies within a UTC window one day wider on each side; narrow it with the zone's own rules.
  const rows = repo
    .movementsDepartingBetween(ctx.db.sqlite, `${addDays(day, -1)}T00:00:00.000Z`, `${addDays(day, 2)}T00:00:00.000Z`)
    .filter((r) => localDay(r.departureAt, timeZone) === day);
  return hydrate(ctx, rows);
}

function alarms(ctx: CommandContext): MovementAlarm[] {
  return hydrate(ctx, repo.movementsInState(ctx.db.sqlite, 'under_way'))
    .map((m) => m.alarm)
    .filter((a): a is MovementAlarm => a !== null);
}

function renderDay(day: string, rows: MovementDetail[], lang: Language, delegation: string, demo: boolean, timeZone: string): string {
  const t = translator(lang);
  const time = (iso: string | null) => (iso ? new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '');
  const body = rows
    .map(
      (m) =>
        `<tr><td>${escapeHtml(time(m.departureAt))}</td><td>${escapeHtml(m.from)} → ${escapeHtml(m.to)}</td><td>${escapeHtml(m.purpose)}</td><td>${escapeHtml(m.travellers.map((p) => p.name).join(', '))}</td><td>${escapeHtml([m.vehiclePlate, m.driverName].filter(Boolean).join(' / '))}</td><td>${escapeHtml(time(m.expectedReturnAt))}</td><td>${escapeHtml(t(`movements.states.${m.state}`))}</td><td>${escapeHtml(m.callSigns)}</td></tr>`,
    )
    .join('');
  const head = ['departureAt', 'route', 'purpose', 'travellers', 'vehicle', 'expectedReturnAt', 'state', 'callSigns']
    .map((c) => `<th>${escapeHtml(t(`movements.columns.${c}`))}</th>`)
    .join('');
  return `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><style>${reportFontFaces()}
body{font-family:'Noto Sans','Noto Sans Arabic',sans-serif;font-size:8.5pt;margin:0}h1{font-size:13pt}
table{border-collapse:collapse;inline-size:100%}th,td{padding:2pt 4pt;border:1px solid #ccc;text-align:start;vertical-align:top}
.demo{color:#b00;font-weight:700}</style></head><body>${demo ? `<p class="demo">${escapeHtml(t('demoMarker'))}</p>` : ''}
<h1>${escapeHtml(t('movements.dayTitle', { day }))} — ${escapeHtml(delegation)}</h1>
<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></body></html>`;
}

export const movementsHandlers: Handlers<
  | 'vehicles.list'
  | 'vehicles.create'
  | 'vehicles.update'
  | 'vehicles.delete'
  | 'vehicles.board'
  | 'rollCall.sheet'
  | 'rollCall.record'
  | 'rollCall.board'
  | 'rollCall.settings'
  | 'rollCall.updateSettings'
  | 'movements.list'
  | 'movements.get'
  | 'movements.create'
  | 'movements.update'
  | 'movements.delete'
  | 'movements.transition'
  | 'movements.approve'
  | 'movements.refuse'
  | 'movements.checkIn'
  | 'movements.acknowledge'
  | 'movements.alarms'
  | 'movements.board'
  | 'movements.settings'
  | 'movements.updateSettings'
  | 'movements.export'
> = {
  ...vehiclesHandlers,

  'movements.list': (ctx, { day, includeActive }) => {
    const d = day ?? localDay(ctx.now(), loadSettings(ctx.db.sqlite).timeZone);
    const rows = dayMovements(ctx, d);
    if (includeActive) {
      const seen = new Set(rows.map((r) => r.id));
      for (const m of hydrate(ctx, repo.movementsInState(ctx.db.sqlite, 'under_way'))) if (!seen.has(m.id)) rows.push(m);
    }
    return { day: d, rows: rows.map(summary) };
  },

  'movements.get': (ctx, { id }) => requireMovement(ctx, id),

  'movements.create': (ctx, { submit, travellerIds, from, to, ...input }) => {
    const created = ctx.transact((audit) => {
      checkPeopleAndVehicle(ctx, { travellerIds, ...input });
      const now = ctx.nowIso();
      const id = newId();
      repo.insertMovement(
        ctx.db.orm,
        { id, state: submit ? 'requested' : 'draft', fromPlace: from, toPlace: to, ...input, decidedBy: null, decidedAt: null, conditions: '', refusalReason: '', createdAt: now, updatedAt: now },
        travellerIds,
      );
      const after = requireMovement(ctx, id);
      audit({ entity: 'movement', entityId: id, action: 'create', after: summary(after) });
      return after;
    });
    ctx.emit('movements.changed', [created.id]);
    return created;
  },

  'movements.update': (ctx, { id, travellerIds, from, to, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireMovement(ctx, id);
      if (!isEditable(before.state)) {
        throw new AppError('CONFLICT', 'Only a draft or a requested movement can be changed; cancel it and request a new one.', { state: before.state });
      }
      checkPeopleAndVehicle(ctx, { travellerIds, ...input });
      repo.updateMovement(ctx.db.orm, id, { fromPlace: from, toPlace: to, ...input, updatedAt: ctx.nowIso() });
      repo.setTravellers(ctx.db.orm, id, travellerIds);
      const after = requireMovement(ctx, id);
      audit({ entity: 'movement', entityId: id, action: 'update', before: summary(before), after: summary(after) });
      return after;
    });
    ctx.emit('movements.changed', [id]);
    return updated;
  },

  'movements.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireMovement(ctx, id);
      if (before.state !== 'draft') throw new AppError('CONFLICT', 'Only a draft can be deleted; cancel the movement instead.', { state: before.state });
      repo.deleteMovement(ctx.db.orm, id);
      audit({ entity: 'movement', entityId: id, action: 'delete', before: summary(before) });
    });
    ctx.emit('movements.changed', [id]);
    return { id };
  },

  'movements.transition': (ctx, { id, to }) =>
    transition(ctx, id, to, {}, (before) => {
      if (to === 'requested' || to === 'under_way') {
        checkPeopleAndVehicle(ctx, { travellerIds: before.travellers.map((p) => p.id), driverId: before.driverId, vehicleId: before.vehicleId });
      }
    }),

  'movements.approve': (ctx, { id, conditions }) =>
    transition(ctx, id, 'approved', { decidedBy: ctx.actor(), decidedAt: ctx.nowIso(), conditions }, (before) =>
      checkPeopleAndVehicle(ctx, { travellerIds: before.travellers.map((p) => p.id), driverId: before.driverId, vehicleId: before.vehicleId }),
    ),

  'movements.refuse': (ctx, { id, reason }) =>
    transition(ctx, id, 'refused', { decidedBy: ctx.actor(), decidedAt: ctx.nowIso(), refusalReason: reason }),

  'movements.checkIn': (ctx, { id, at, ...input }) => {
    const after = ctx.transact((audit) => {
      const before = requireMovement(ctx, id);
      if (before.state !== 'under_way') {
        throw new AppError('CONFLICT', `Check-ins are recorded only while a movement is under way; this one is ${before.state.replace('_', ' ')}.`, {
          state: before.state,
        });
      }
      const when = at ?? ctx.nowIso();
      // A team may leave before its planned time, so only a check-in in the future is refused.
      if (new Date(when).getTime() > ctx.now().getTime() + 60_000) {
        throw new AppError('VALIDATION', 'A check-in cannot be in the future.', { issues: [{ path: 'at', message: 'checkInInFuture' }] });
      }
      const row = { id: newId(), movementId: id, at: when, ...input };
      repo.insertCheckIn(ctx.db.orm, row);
      audit({ entity: 'movement', entityId: id, action: 'checkIn', after: row });
      return requireMovement(ctx, id);
    });
    ctx.emit('movements.changed', [id]);
    return after;
  },

  'movements.acknowledge': (ctx, { id, note }) => {
    const after = ctx.transact((audit) => {
      const before = requireMovement(ctx, id);
      if (!before.alarm) throw new AppError('CONFLICT', 'This movement has no overdue alarm to acknowledge.', { state: before.state });
      const row = { id: newId(), movementId: id, dueAt: before.alarm.dueAt, at: ctx.nowIso(), by: ctx.actor(), note };
      repo.insertAck(ctx.db.orm, row);
      audit({ entity: 'movement', entityId: id, action: 'acknowledgeAlarm', before: before.alarm, after: row });
      return requireMovement(ctx, id);
    });
    ctx.emit('movements.changed', [id]);
    return after;
  },

  'movements.alarms': (ctx) => alarms(ctx),

  'movements.board': (ctx) => ({
    underWay: repo.countInState(ctx.db.sqlite, 'under_way'),
    requested: repo.countInState(ctx.db.sqlite, 'requested'),
    alarms: alarms(ctx),
  }),

  'movements.settings': (ctx) => ({ overdueMarginMinutes: repo.loadMarginMinutes(ctx.db.sqlite) }),

  'movements.updateSettings': (ctx, input) => {
    ctx.transact((audit) => {
      const before = { overdueMarginMinutes: repo.loadMarginMinutes(ctx.db.sqlite) };
      repo.saveMarginMinutes(ctx.db.sqlite, input.overdueMarginMinutes);
      audit({ entity: 'movementSettings', entityId: '1', action: 'update', before, after: input });
    });
    ctx.emit('movements.changed');
    return input;
  },

  'movements.export': async (ctx, request) => {
    const target = checkExportTarget(request.path, request.format);
    const settings = loadSettings(ctx.db.sqlite);
    const lang = request.lang ?? settings.language;
    const t = translator(lang);
    const rows = dayMovements(ctx, request.day);
    let data: Buffer;
    if (request.format === 'pdf') {
      data = (await renderPdf(renderDay(request.day, rows, lang, settings.delegationName, settings.isDemo, settings.timeZone), { paper: request.paper, chromium: request.chromium })).data;
    } else {
      const columns: TabularColumn<MovementDetail>[] = [
        { id: 'departureAt', header: t('movements.columns.departureAt'), value: (m) => m.departureAt },
        { id: 'from', header: t('movements.columns.from'), value: (m) => m.from },
        { id: 'to', header: t('movements.columns.to'), value: (m) => m.to },
        { id: 'purpose', header: t('movements.columns.purpose'), value: (m) => m.purpose },
        { id: 'travellers', header: t('movements.columns.travellers'), value: (m) => m.travellers.map((p) => p.name).join(', ') },
        { id: 'driver', header: t('movements.columns.driver'), value: (m) => m.driverName },
        { id: 'vehicle', header: t('movements.columns.vehicle'), value: (m) => m.vehiclePlate },
        { id: 'expectedReturnAt', header: t('movements.columns.expectedReturnAt'), value: (m) => m.expectedReturnAt },
        { id: 'state', header: t('movements.columns.state'), value: (m) => t(`movements.states.${m.state}`) },
        { id: 'callSigns', header: t('movements.columns.callSigns'), value: (m) => m.callSigns },
        { id: 'lastCheckInAt', header: t('movements.columns.lastCheckInAt'), value: (m) => m.lastCheckInAt },
      ];
      data = toCsv(columns, rows, { sheetName: t('movements.sheet'), demoMarker: settings.isDemo ? t('demoMarker') : null });
    }
    const written = writeExport(target, data);
    ctx.logger.info('export written', { command: ctx.command, rows: rows.length, bytes: written.bytes });
    return { ...written, rows: rows.length, verified: true };
  },
};
