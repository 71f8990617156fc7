import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { currentMonthIn } from '../../../shared/domain/roster/currentMonth';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';
import { officeWithGatePost } from '../helpers/rosterFixture';

let core: Core;

beforeEach(async () => {
  core = await makeUnlockedCore({ now: () => new Date('2026-11-20T09:00:00Z') });
});
afterEach(() => core.close());

const office = (guards?: number) => officeWithGatePost(core, guards);

describe('rosters: fairness figures of the month shown', () => {
  it('gives, per role, the fewest and most nights, weekend shifts and shifts per person', async () => {
    const { post, day, night, staff } = await office(3);
    await call(core, 'rosters.staff.create', { name: 'Driver 1', role: 'driver' });
    const [g1, g2, g3] = [staff[0]!, staff[1]!, staff[2]!];
    // 2026-12-05 is a Saturday.
    const cells = [
      { day: '2026-12-01', staffId: g1.id, shiftId: night.id },
      { day: '2026-12-03', staffId: g1.id, shiftId: night.id },
      { day: '2026-12-05', staffId: g1.id, shiftId: night.id },
      { day: '2026-12-07', staffId: g2.id, shiftId: night.id },
      { day: '2026-12-02', staffId: g3.id, shiftId: day.id },
    ];
    for (const c of cells) await call(core, 'rosters.assign', { ...c, postId: post.id });

    const month = await call(core, 'rosters.month', { month: '2026-12' });
    const guards = month.fairness.find((f) => f.role === 'guard');
    expect(guards).toEqual({
      role: 'guard',
      people: 3,
      worked: 3,
      nights: { min: 0, max: 3, spread: 3 },
      weekends: { min: 0, max: 1, spread: 1 },
      total: { min: 1, max: 3, spread: 2 },
    });
    // The driver is never compared with the guards; nobody of the role worked, so there are no night figures.
    expect(month.fairness.find((f) => f.role === 'driver')).toEqual({ role: 'driver', people: 1, worked: 0, nights: null, weekends: null, total: { min: 0, max: 0, spread: 0 } });
    expect(month.fairness.map((f) => f.role)).toEqual(['guard', 'driver']);

    // Another month is measured on its own cells.
    const november = await call(core, 'rosters.month', { month: '2026-11' });
    expect(november.fairness.find((f) => f.role === 'guard')?.total).toEqual({ min: 0, max: 0, spread: 0 });
  });

  it('agrees with the figures Generate returns', async () => {
    await office(4);
    const out = await call(core, 'rosters.generate', { month: '2026-12', keepManual: true, seed: 7 });
    const worst = (pick: (f: (typeof out.month.fairness)[number]) => number) => Math.max(0, ...out.month.fairness.map(pick));
    expect(worst((f) => f.nights?.spread ?? 0)).toBe(out.fairness.nightSpread);
    expect(worst((f) => f.weekends?.spread ?? 0)).toBe(out.fairness.weekendSpread);
    expect(worst((f) => f.total.spread)).toBe(out.fairness.totalSpread);
    const guards = out.month.fairness[0]!;
    expect(guards.total.max).toBeGreaterThan(0);
    expect(guards.total.max - guards.total.min).toBe(guards.total.spread);
  });
});

describe('premises.delete while something still uses the premises', () => {
  it('refuses, naming the roster posts, their shifts and the equipment, and deletes nothing', async () => {
    const { premises, post, day, staff } = await office(1);
    const second = await call(core, 'rosters.posts.create', { premisesId: premises.id, name: 'Back door', role: 'guard', shifts: [{ label: 'Day', start: '07:00', end: '19:00', needed: 1 }] });
    await call(core, 'rosters.assign', { day: '2026-12-01', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    await call(core, 'rosters.assign', { day: '2026-12-02', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    await call(core, 'rosters.assign', { day: '2026-12-03', staffId: staff[0]!.id, postId: second.id, shiftId: second.shifts[0]!.id });
    const extinguisher = await call(core, 'equipment.create', { premisesId: premises.id, kind: 'fire_extinguisher' } as never);

    const r = await callRaw(core, 'premises.delete', { id: premises.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toContain('“Main office” cannot be deleted: it is still used by 2 roster posts (holding 3 shifts on the roster) and 1 equipment item.');
      expect(r.error.message).toContain('Delete or move its 2 roster posts first (Guards & drivers > Posts & shifts).');
      expect(r.error.message).toContain('(Inspections > Equipment)');
      expect(r.error.message).toMatch(/Nothing was deleted\.$/);
      expect(r.error.details).toMatchObject({ reason: 'PREMISES_IN_USE', posts: 2, shifts: 3, equipment: 1, inspections: 0, risks: 0 });
    }
    expect((await call(core, 'premises.get', { id: premises.id })).name).toBe('Main office');
    expect(await call(core, 'rosters.posts.list', { premisesId: premises.id })).toHaveLength(2);
    expect((await call(core, 'rosters.month', { month: '2026-12' })).assignments).toHaveLength(3);

    // In the user's language.
    await call(core, 'settings.update', { language: 'ar' });
    const ar = await callRaw(core, 'premises.delete', { id: premises.id });
    expect(ar.ok).toBe(false);
    if (!ar.ok) expect(ar.error.message).toContain('موقعَي مناوبة');

    // Once the posts and the equipment are gone, the premises can go.
    await call(core, 'rosters.posts.delete', { id: post.id, removeAssignments: true });
    await call(core, 'rosters.posts.delete', { id: second.id, removeAssignments: true });
    await call(core, 'equipment.delete', { id: extinguisher.id });
    expect(await call(core, 'premises.delete', { id: premises.id })).toEqual({ id: premises.id });
  });

  it('deletes premises nothing uses', async () => {
    const premises = await call(core, 'premises.create', { name: 'Empty store', type: 'warehouse' } as never);
    expect(await call(core, 'premises.delete', { id: premises.id })).toEqual({ id: premises.id });
  });
});

describe('the month the roster opens on', () => {
  it('is the month on the delegation clock, not UTC', () => {
    // 01:00 on 1 December in Moscow (UTC+3) is still 30 November in UTC.
    const instant = new Date('2026-11-30T22:00:00Z');
    expect(currentMonthIn(instant, 'Europe/Moscow')).toBe('2026-12');
    expect(currentMonthIn(instant, 'UTC')).toBe('2026-11');
    // West of UTC the other way round: 22:00 on 30 November in New York is already December in UTC.
    expect(currentMonthIn(new Date('2026-12-01T03:00:00Z'), 'America/New_York')).toBe('2026-11');
    // Year end.
    expect(currentMonthIn(new Date('2026-12-31T21:30:00Z'), 'Asia/Kabul')).toBe('2027-01');
  });
});
