import { AppError } from '../../../shared/envelope';
import type { Vehicle } from '../../../shared/contract/movements';
import { expiryStatus, todayIn } from '../../../shared/domain/equipmentExpiry';
import { currentSlot, DEFAULT_ROLL_CALL_TIMES, missedSlots, normaliseTimes } from '../../../shared/domain/rollCall';
import { addDays } from '../../../shared/domain/equipmentExpiry';
import { getPersonRow } from '../../../db/repositories/people';
import { readSettings, writeSetting } from '../../../db/repositories/settings';
import * as repo from '../../../db/repositories/movements';
import type { CommandContext } from '../context';
import type { Handlers } from '../registry';
import { newId } from '../ids';
import { loadSettings } from './settingsService';

const ROLL_CALL_KEY = 'rollCall.times';

function vehicles(ctx: CommandContext): Vehicle[] {
  const today = todayIn(ctx.now(), loadSettings(ctx.db.sqlite).timeZone);
  const drivers = repo.driversOfVehicles(ctx.db.sqlite);
  return repo.listVehicles(ctx.db.sqlite).map((v) => ({
    ...v,
    drivers: drivers.filter((d) => d.vehicleId === v.id).map(({ id, name }) => ({ id, name })),
    insuranceStatus: expiryStatus(v.insuranceExpiry, null, today),
    serviceStatus: expiryStatus(v.serviceExpiry, null, today),
  }));
}

function requireVehicle(ctx: CommandContext, id: string): Vehicle {
  const found = vehicles(ctx).find((v) => v.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'That vehicle no longer exists.');
  return found;
}

function checkDrivers(ctx: CommandContext, ids: readonly string[]): void {
  for (const [i, id] of ids.entries()) {
    const p = getPersonRow(ctx.db.sqlite, id);
    if (!p) throw new AppError('VALIDATION', 'A driver is no longer in the personnel list.', { issues: [{ path: `driverIds.${i}`, message: 'unknownPerson' }] });
  }
}

function checkPlateFree(ctx: CommandContext, plate: string, id: string | null): void {
  const norm = (s: string) => s.replace(/[\s-]/g, '').toLowerCase();
  if (repo.listVehicles(ctx.db.sqlite).some((v) => v.id !== id && norm(v.plate) === norm(plate))) {
    throw new AppError('VALIDATION', `A vehicle with plate ${plate} is already in the register.`, { issues: [{ path: 'plate', message: 'plateTaken' }] });
  }
}

function rollCallTimes(ctx: CommandContext): string[] {
  const stored = readSettings(ctx.db.sqlite)[ROLL_CALL_KEY];
  const times = Array.isArray(stored) ? normaliseTimes(stored.filter((t): t is string => typeof t === 'string')) : [];
  return times.length > 0 ? times : [...DEFAULT_ROLL_CALL_TIMES];
}

function sheet(ctx: CommandContext, day?: string, slot?: string) {
  const tz = loadSettings(ctx.db.sqlite).timeZone;
  const times = rollCallTimes(ctx);
  const current = currentSlot(times, ctx.now(), tz)!;
  const d = day ?? current.day;
  const s = slot ?? current.slot;
  const checks = repo.radioChecksOn(ctx.db.sqlite, [d]).filter((c) => c.slot === s);
  const byCallSign = new Map(checks.map((c) => [c.callSign.toLowerCase(), c]));
  const entries = repo.rollCallSigns(ctx.db.sqlite).map((cs) => {
    const c = byCallSign.get(cs.callSign.toLowerCase());
    byCallSign.delete(cs.callSign.toLowerCase());
    return { ...cs, check: c ? { status: c.status, relayedBy: c.relayedBy, note: c.note, checkedAt: c.checkedAt, checkedBy: c.checkedBy } : null };
  });
  // A call sign checked earlier that has since left the lists still shows with its answer.
  for (const c of byCallSign.values()) {
    entries.push({ callSign: c.callSign, source: 'person', label: '', check: { status: c.status, relayedBy: c.relayedBy, note: c.note, checkedAt: c.checkedAt, checkedBy: c.checkedBy } });
  }
  return { day: d, slot: s, times, entries };
}

export const vehiclesHandlers: Handlers<
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
> = {
  'vehicles.list': (ctx) => vehicles(ctx),

  'vehicles.create': (ctx, { driverIds, ...input }) => {
    const created = ctx.transact((audit) => {
      checkPlateFree(ctx, input.plate, null);
      checkDrivers(ctx, driverIds);
      const now = ctx.nowIso();
      const v = { id: newId(), ...input, createdAt: now, updatedAt: now };
      repo.insertVehicle(ctx.db.orm, v);
      repo.setVehicleDrivers(ctx.db.sqlite, v.id, driverIds);
      const after = requireVehicle(ctx, v.id);
      audit({ entity: 'vehicle', entityId: v.id, action: 'create', after });
      return after;
    });
    ctx.emit('movements.changed', [created.id]);
    return created;
  },

  'vehicles.update': (ctx, { id, driverIds, ...input }) => {
    const updated = ctx.transact((audit) => {
      const before = requireVehicle(ctx, id);
      checkPlateFree(ctx, input.plate, id);
      checkDrivers(ctx, driverIds);
      repo.updateVehicle(ctx.db.orm, { id, ...input, updatedAt: ctx.nowIso() });
      repo.setVehicleDrivers(ctx.db.sqlite, id, driverIds);
      const after = requireVehicle(ctx, id);
      audit({ entity: 'vehicle', entityId: id, action: 'update', before, after });
      return after;
    });
    ctx.emit('movements.changed', [id]);
    return updated;
  },

  'vehicles.delete': (ctx, { id }) => {
    ctx.transact((audit) => {
      const before = requireVehicle(ctx, id);
      repo.deleteVehicle(ctx.db.orm, id);
      audit({ entity: 'vehicle', entityId: id, action: 'delete', before });
    });
    ctx.emit('movements.changed', [id]);
    return { id };
  },

  'vehicles.board': (ctx) => {
    const list = vehicles(ctx).filter((v) => v.status !== 'out_of_service');
    const expiring = list.flatMap((v) =>
      (
        [
          ['insurance', v.insuranceExpiry, v.insuranceStatus],
          ['service', v.serviceExpiry, v.serviceStatus],
        ] as const
      )
        .filter(([, date, status]) => date && status !== 'ok')
        .map(([what, date, status]) => ({ id: v.id, plate: v.plate, what, date: date!, status: status as 'due' | 'overdue' })),
    );
    expiring.sort((a, b) => a.date.localeCompare(b.date));
    return { total: list.length, expiring };
  },

  'rollCall.sheet': (ctx, { day, slot }) => sheet(ctx, day, slot),

  'rollCall.record': (ctx, input) => {
    const tz = loadSettings(ctx.db.sqlite).timeZone;
    const today = todayIn(ctx.now(), tz);
    if (input.day > today || input.day < addDays(today, -7)) {
      throw new AppError('VALIDATION', 'A roll-call answer can be recorded for today or the last 7 days only.', { issues: [{ path: 'day', message: 'rollCallDay' }] });
    }
    if (!rollCallTimes(ctx).includes(input.slot)) {
      throw new AppError('VALIDATION', `${input.slot} is not one of the roll-call times.`, { issues: [{ path: 'slot', message: 'unknownSlot' }] });
    }
    ctx.transact((audit) => {
      const before = repo.getRadioCheck(ctx.db.sqlite, input.day, input.slot, input.callSign) ?? null;
      const row = {
        id: before?.id ?? newId(),
        ...input,
        relayedBy: input.status === 'relayed' ? input.relayedBy : '',
        checkedAt: ctx.nowIso(),
        checkedBy: ctx.actor(),
      };
      repo.upsertRadioCheck(ctx.db.sqlite, row);
      audit({ entity: 'radioCheck', entityId: row.id, action: before ? 'update' : 'create', before, after: row });
    });
    ctx.emit('movements.changed');
    return sheet(ctx, input.day, input.slot);
  },

  'rollCall.board': (ctx) => {
    const tz = loadSettings(ctx.db.sqlite).timeZone;
    const now = ctx.now();
    const times = rollCallTimes(ctx);
    const today = todayIn(now, tz);
    const checks = repo.radioChecksOn(ctx.db.sqlite, [addDays(today, -1), today]);
    const callSigns = repo.rollCallSigns(ctx.db.sqlite).map((c) => c.callSign);
    return { missed: missedSlots(times, callSigns, checks, now, tz), next: currentSlot(times, now, tz) };
  },

  'rollCall.settings': (ctx) => ({ times: rollCallTimes(ctx) }),

  'rollCall.updateSettings': (ctx, input) => {
    const times = normaliseTimes(input.times);
    ctx.transact((audit) => {
      const before = { times: rollCallTimes(ctx) };
      writeSetting(ctx.db.sqlite, ROLL_CALL_KEY, times);
      audit({ entity: 'rollCallSettings', entityId: ROLL_CALL_KEY, action: 'update', before, after: { times } });
    });
    ctx.emit('movements.changed');
    return { times };
  },
};
