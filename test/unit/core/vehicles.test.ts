import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';

let clock: Date;
let core: Core;
let driver: string;

beforeEach(async () => {
  clock = new Date('2026-12-03T06:00:00.000Z');
  core = await makeUnlockedCore({ now: () => clock });
  await call(core, 'settings.update', { timeZone: 'Africa/Nairobi' });
  driver = (await call(core, 'people.create', { name: 'Joseph Otieno', category: 'staff_national', status: 'in_country', radioCallSign: 'Alpha 2' })).id;
});
afterEach(() => core.close());

describe('vehicle register', () => {
  it('keeps drivers and flags insurance and service expiring within 30 days or expired', async () => {
    const v = await call(core, 'vehicles.create', {
      plate: 'KDA 123X',
      type: 'Land Cruiser',
      armoured: true,
      tracker: true,
      callSign: 'Victor 1',
      driverIds: [driver],
      insuranceExpiry: '2026-12-20',
      serviceExpiry: '2026-11-30',
    });
    expect(v.drivers).toEqual([{ id: driver, name: 'Joseph Otieno' }]);
    expect([v.insuranceStatus, v.serviceStatus]).toEqual(['due', 'overdue']);
    await call(core, 'vehicles.create', { plate: 'KDB 456Y', insuranceExpiry: '2027-06-01' });
    const board = await call(core, 'vehicles.board', {});
    expect(board.total).toBe(2);
    expect(board.expiring.map((e) => `${e.plate} ${e.what} ${e.status}`)).toEqual(['KDA 123X service overdue', 'KDA 123X insurance due']);
  });

  it('refuses a duplicate plate and an unknown driver, changing nothing', async () => {
    await call(core, 'vehicles.create', { plate: 'KDA 123X' });
    const dup = await callRaw(core, 'vehicles.create', { plate: 'kda-123x' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const bad = await callRaw(core, 'vehicles.create', { plate: 'KDC 1', driverIds: ['0190a000-0000-7000-8000-000000000000'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'vehicles.list', {})).map((v) => v.plate)).toEqual(['KDA 123X']);
  });

  it('updates drivers', async () => {
    const v = await call(core, 'vehicles.create', { plate: 'KDA 123X', driverIds: [driver] });
    const u = await call(core, 'vehicles.update', { ...v, driverIds: [] });
    expect(u.drivers).toEqual([]);
  });
});

describe('radio roll-call', () => {
  it('lists call signs of people and vehicles, records answers and shows missed checks', async () => {
    await call(core, 'vehicles.create', { plate: 'KDA 123X', callSign: 'Victor 1' });
    await call(core, 'vehicles.create', { plate: 'KDZ 9', callSign: 'Victor 9', status: 'out_of_service' });
    clock = new Date('2026-12-03T05:10:00.000Z'); // 08:10 local
    const sheet = await call(core, 'rollCall.sheet', {});
    expect(sheet).toMatchObject({ day: '2026-12-03', slot: '08:00', times: ['08:00', '20:00'] });
    expect(sheet.entries.map((e) => e.callSign)).toEqual(['Alpha 2', 'Victor 1']);
    await call(core, 'rollCall.record', { day: '2026-12-03', slot: '08:00', callSign: 'Alpha 2', status: 'present' });
    clock = new Date('2026-12-03T06:00:00.000Z'); // 09:00: the 08:00 check is past, Victor 1 unanswered
    let board = await call(core, 'rollCall.board', {});
    expect(board.missed.map((m) => [m.day, m.slot, m.unchecked])).toContainEqual(['2026-12-03', '08:00', ['Victor 1']]);
    const after = await call(core, 'rollCall.record', { day: '2026-12-03', slot: '08:00', callSign: 'Victor 1', status: 'relayed', relayedBy: 'Alpha 2', note: 'Weak signal' });
    expect(after.entries.find((e) => e.callSign === 'Victor 1')?.check).toMatchObject({ status: 'relayed', relayedBy: 'Alpha 2', checkedBy: 'Amina Diallo' });
    board = await call(core, 'rollCall.board', {});
    expect(board.missed.filter((m) => m.day === '2026-12-03' && m.slot === '08:00')).toEqual([]);
  });

  it('refuses relayed without who relayed, an unknown time and a future day', async () => {
    const base = { day: '2026-12-03', slot: '08:00', callSign: 'Alpha 2' };
    expect(await callRaw(core, 'rollCall.record', { ...base, status: 'relayed' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'rollCall.record', { ...base, slot: '09:15', status: 'present' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await callRaw(core, 'rollCall.record', { ...base, day: '2026-12-05', status: 'present' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call(core, 'rollCall.sheet', { day: '2026-12-03', slot: '08:00' })).entries.every((e) => e.check === null)).toBe(true);
  });

  it('takes its set times from the settings', async () => {
    expect(await call(core, 'rollCall.updateSettings', { times: ['18:30', '07:00'] })).toEqual({ times: ['07:00', '18:30'] });
    expect((await call(core, 'rollCall.settings', {})).times).toEqual(['07:00', '18:30']);
    expect(await callRaw(core, 'rollCall.updateSettings', { times: ['7h'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
