import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let clock: Date;
let core: Core;
let traveller: string;

beforeEach(async () => {
  clock = new Date('2026-12-03T05:00:00.000Z'); // 08:00 in Nairobi
  core = await makeUnlockedCore({ now: () => clock });
  traveller = (await call(core, 'people.create', { name: 'Tomas Reyes', category: 'delegate', status: 'in_country', arrivalAt: '2026-11-01T00:00:00.000Z' })).id;
});
afterEach(() => core.close());

const request = (over: Record<string, unknown> = {}) => ({
  travellerIds: [traveller],
  purpose: 'Distribution monitoring',
  from: 'Delegation office',
  to: 'Dunmore field office',
  departureAt: '2026-12-03T06:00:00.000Z',
  expectedReturnAt: '2026-12-03T14:00:00.000Z',
  plannedCheckIns: ['2026-12-03T08:00:00.000Z'],
  submit: true,
  ...over,
});

describe('movements', () => {
  it('goes request -> approve -> under way -> check in -> completed', async () => {
    const m = await call(core, 'movements.create', request());
    expect(m.state).toBe('requested');
    const a = await call(core, 'movements.approve', { id: m.id, conditions: 'Convoy of two vehicles' });
    expect(a).toMatchObject({ state: 'approved', decidedBy: 'Amina Diallo', conditions: 'Convoy of two vehicles' });
    await call(core, 'movements.transition', { id: m.id, to: 'under_way' });
    clock = new Date('2026-12-03T07:55:00.000Z');
    const c = await call(core, 'movements.checkIn', { id: m.id, place: 'Checkpoint 4', by: 'Tomas Reyes' });
    expect(c.checkIns).toHaveLength(1);
    clock = new Date('2026-12-03T09:00:00.000Z'); // past the planned check-in + 30 min, but checked in
    expect(await call(core, 'movements.alarms', {})).toEqual([]);
    const done = await call(core, 'movements.transition', { id: m.id, to: 'completed' });
    expect(done.state).toBe('completed');
  });

  it('raises an overdue alarm after the margin, until acknowledged with a note', async () => {
    const m = await call(core, 'movements.create', request());
    await call(core, 'movements.approve', { id: m.id });
    await call(core, 'movements.transition', { id: m.id, to: 'under_way' });
    clock = new Date('2026-12-03T08:30:00.000Z'); // exactly the margin: not yet
    expect(await call(core, 'movements.alarms', {})).toEqual([]);
    clock = new Date('2026-12-03T08:31:00.000Z');
    const alarms = await call(core, 'movements.alarms', {});
    expect(alarms).toMatchObject([{ movementId: m.id, kind: 'check_in', dueAt: '2026-12-03T08:00:00.000Z', overdueMinutes: 31 }]);
    expect((await callRaw(core, 'movements.acknowledge', { id: m.id, note: '' })).ok).toBe(false);
    const acked = await call(core, 'movements.acknowledge', { id: m.id, note: 'Radio relay via Kessin: all well' });
    expect(acked.alarm).toBeNull();
    expect(acked.acknowledgements[0]).toMatchObject({ by: 'Amina Diallo', note: 'Radio relay via Kessin: all well' });
    // The return is the next deadline: alarm again once it is overdue.
    clock = new Date('2026-12-03T14:31:00.000Z');
    expect((await call(core, 'movements.board', {})).alarms).toMatchObject([{ kind: 'return' }]);
  });

  it('uses the configured margin', async () => {
    await call(core, 'movements.updateSettings', { overdueMarginMinutes: 5 });
    const m = await call(core, 'movements.create', request());
    await call(core, 'movements.approve', { id: m.id });
    await call(core, 'movements.transition', { id: m.id, to: 'under_way' });
    clock = new Date('2026-12-03T08:06:00.000Z');
    expect((await call(core, 'movements.alarms', {})).map((a) => a.movementId)).toEqual([m.id]);
  });

  it('refuses bad input with a clear message and leaves the state unchanged', async () => {
    const back = await callRaw(core, 'movements.create', request({ expectedReturnAt: '2026-12-03T05:00:00.000Z' }));
    expect(back).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const left = (await call(core, 'people.create', { name: 'Former Staff', category: 'staff_national', status: 'left' })).id;
    const gone = await callRaw(core, 'movements.create', request({ travellerIds: [left] }));
    expect(gone).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Former Staff has left the country and cannot travel.' } });
    const m = await call(core, 'movements.create', request());
    await call(core, 'movements.approve', { id: m.id });
    const twice = await callRaw(core, 'movements.approve', { id: m.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'This movement is already approved.' } });
    await call(core, 'movements.transition', { id: m.id, to: 'cancelled' });
    const checkIn = await callRaw(core, 'movements.checkIn', { id: m.id, by: 'Tomas Reyes' });
    expect(checkIn).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('cancelled') } });
    const future = await call(core, 'movements.create', request());
    await call(core, 'movements.approve', { id: future.id });
    await call(core, 'movements.transition', { id: future.id, to: 'under_way' });
    const ahead = await callRaw(core, 'movements.checkIn', { id: future.id, by: 'Tomas Reyes', at: '2026-12-03T07:00:00.000Z' });
    expect(ahead).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'A check-in cannot be in the future.' } });
    const after = await call(core, 'movements.get', { id: m.id });
    expect(after.state).toBe('cancelled');
    expect(after.checkIns).toEqual([]);
    expect((await call(core, 'movements.list', {})).rows).toHaveLength(2);
  });

  it('lists and exports a local day, around midnight in the delegation time zone', async () => {
    // 21:30 UTC on the 2nd is 00:30 on the 3rd in Nairobi: a movement of the 3rd.
    await call(core, 'movements.create', request({ departureAt: '2026-12-02T21:30:00.000Z', expectedReturnAt: '2026-12-03T02:00:00.000Z', plannedCheckIns: [] }));
    await call(core, 'movements.create', request({ purpose: 'Next day', departureAt: '2026-12-03T21:30:00.000Z', expectedReturnAt: '2026-12-04T02:00:00.000Z', plannedCheckIns: [] }));
    expect((await call(core, 'movements.list', { day: '2026-12-03' })).rows.map((r) => r.purpose)).toEqual(['Distribution monitoring']);
    expect((await call(core, 'movements.list', { day: '2026-12-04' })).rows.map((r) => r.purpose)).toEqual(['Next day']);
    const out = path.join(tempDir(), 'day.csv');
    const res = await call(core, 'movements.export', { day: '2026-12-03', format: 'csv', path: out });
    expect(res.rows).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toContain('Distribution monitoring');
  });

  it('keeps a vehicle register', async () => {
    const v = await call(core, 'vehicles.create', { plate: 'DEMO-001', type: 'Land Cruiser', armoured: true, tracker: true, callSign: 'Victor 1', insuranceExpiry: '2027-03-01' });
    const m = await call(core, 'movements.create', request({ vehicleId: v.id, driverId: traveller }));
    expect(m).toMatchObject({ vehiclePlate: 'DEMO-001', driverName: 'Tomas Reyes' });
    expect(await call(core, 'vehicles.list', {})).toHaveLength(1);
  });
});
