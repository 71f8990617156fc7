import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';
import { officeWithGatePost } from '../helpers/rosterFixture';

let core: Core;
let now = new Date('2026-11-20T09:00:00Z');

beforeEach(async () => {
  now = new Date('2026-11-20T09:00:00Z');
  core = await makeUnlockedCore({ now: () => now });
});
afterEach(() => core.close());

const setup = (guards?: number) => officeWithGatePost(core, guards);

describe('rosters: bad input is refused and nothing is saved', () => {
  it('refuses a 0-hour shift with a clear message', async () => {
    const premises = await call(core, 'premises.create', { name: 'Warehouse', type: 'warehouse' } as never);
    const r = await callRaw(core, 'rosters.posts.create', { premisesId: premises.id, name: 'Yard', role: 'guard', shifts: [{ label: 'Odd', start: '08:00', end: '08:00', needed: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toMatch(/0 hours/);
    }
    expect(await call(core, 'rosters.posts.list', {})).toEqual([]);
  });

  it('refuses a leave period that ends before it starts', async () => {
    const { staff } = await setup(1);
    const r = await callRaw(core, 'rosters.leave.add', { staffId: staff[0]!.id, from: '2026-12-10', to: '2026-12-05' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/ends \(2026-12-05\) before it starts \(2026-12-10\)/);
    const list = await call(core, 'rosters.staff.list', {});
    expect(list[0]!.leave).toEqual([]);
  });

  it('refuses a cell for an unknown person or a shift of another post', async () => {
    const { post, day } = await setup(1);
    const r = await callRaw(core, 'rosters.assign', { day: '2026-12-01', staffId: '0190a0a0-0000-7000-8000-000000000000', postId: post.id, shiftId: day.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/not in the guards and drivers register/);
    expect((await call(core, 'rosters.month', { month: '2026-12' })).assignments).toEqual([]);
  });

  it('refuses a shift needing fewer than one person', async () => {
    const premises = await call(core, 'premises.create', { name: 'Residence', type: 'residence' } as never);
    const r = await callRaw(core, 'rosters.posts.create', { premisesId: premises.id, name: 'Gate', role: 'guard', shifts: [{ label: 'Day', start: '07:00', end: '19:00', needed: 0 }] });
    expect(r.ok).toBe(false);
    expect(await call(core, 'rosters.posts.list', {})).toEqual([]);
  });
});

describe('rosters: hand edits and live conflicts', () => {
  it('saves a double booking made by hand and lists it on its cells', async () => {
    const premises2 = await call(core, 'premises.create', { name: 'Residence', type: 'residence' } as never);
    const { staff, post, day } = await setup(2);
    const other = await call(core, 'rosters.posts.create', { premisesId: premises2.id, name: 'Residence gate', role: 'guard', shifts: [{ label: 'Day', start: '08:00', end: '20:00', needed: 1 }] });
    const a = await call(core, 'rosters.assign', { day: '2026-12-03', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    expect(a.changed).toBe(1);
    const b = await call(core, 'rosters.assign', { day: '2026-12-03', staffId: staff[0]!.id, postId: other.id, shiftId: other.shifts[0]!.id });
    expect(b.month.checked).toBe(true);
    const doubles = b.month.problems.filter((p) => p.rule === 'doubleBooking');
    expect(doubles.length).toBeGreaterThan(0);
    expect(doubles[0]!.message).toContain('Guard 1');
    expect(doubles[0]!.message).toContain('2026-12-03');
    expect(doubles.flatMap((p) => p.assignmentIds)).toEqual(expect.arrayContaining(b.month.assignments.map((x) => x.id)));
  });

  it('moves a cell onto the day after a night and flags the rule; clear removes it', async () => {
    const { staff, post, day, night } = await setup(2);
    await call(core, 'rosters.assign', { day: '2026-12-05', staffId: staff[0]!.id, postId: post.id, shiftId: night.id });
    const placed = await call(core, 'rosters.assign', { day: '2026-12-09', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    const cell = placed.month.assignments.find((x) => x.day === '2026-12-09')!;
    const moved = await call(core, 'rosters.move', { id: cell.id, toDay: '2026-12-06' });
    const flagged = moved.month.problems.filter((p) => p.assignmentIds.includes(cell.id));
    expect(flagged.map((p) => p.rule)).toEqual(expect.arrayContaining(['nightToDay']));
    const cleared = await call(core, 'rosters.clear', { ids: [cell.id] });
    expect(cleared.month.assignments.map((x) => x.id)).not.toContain(cell.id);
    expect(cleared.month.problems.some((p) => p.rule === 'nightToDay')).toBe(false);
  });

  it('copies a week onto the next one', async () => {
    const { staff, post, day } = await setup(1);
    const ids = [];
    for (const d of ['2026-12-01', '2026-12-02']) ids.push((await call(core, 'rosters.assign', { day: d, staffId: staff[0]!.id, postId: post.id, shiftId: day.id })).month.assignments.at(-1)!.id);
    const copied = await call(core, 'rosters.copy', { ids, dayOffset: 7 });
    expect(copied.changed).toBe(2);
    expect(copied.month.assignments.map((a) => a.day).sort()).toEqual(['2026-12-01', '2026-12-02', '2026-12-08', '2026-12-09']);
    const again = await call(core, 'rosters.copy', { ids, dayOffset: 7 });
    expect(again.skipped).toBe(2);
  });
});

describe('rosters: deleting a person', () => {
  it('refuses while the person has future shifts, naming the count; removes them when asked', async () => {
    const { staff, post, day } = await setup(1);
    await call(core, 'rosters.assign', { day: '2026-11-10', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    await call(core, 'rosters.assign', { day: '2026-12-01', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    await call(core, 'rosters.assign', { day: '2026-12-02', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    const refused = await callRaw(core, 'rosters.staff.delete', { id: staff[0]!.id });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/for 2 shifts from 2026-11-20/);
    expect((await call(core, 'rosters.staff.list', {})).length).toBe(1);
    expect((await call(core, 'rosters.month', { month: '2026-12' })).assignments.length).toBe(2);
    const done = await call(core, 'rosters.staff.delete', { id: staff[0]!.id, removeFutureShifts: true });
    expect(done.removedShifts).toBe(2);
    expect((await call(core, 'rosters.month', { month: '2026-12' })).assignments).toEqual([]);
    expect((await call(core, 'rosters.month', { month: '2026-11' })).assignments).toEqual([]);
  });
});

describe('rosters: presence and feedback', () => {
  it('shows a day with the expected people, records checks and counts them per person', async () => {
    const { staff, post, day, night } = await setup(3);
    await call(core, 'rosters.assign', { day: '2026-11-19', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    await call(core, 'rosters.assign', { day: '2026-11-19', staffId: staff[1]!.id, postId: post.id, shiftId: night.id });
    await call(core, 'rosters.assign', { day: '2026-11-18', staffId: staff[0]!.id, postId: post.id, shiftId: day.id });
    const board = await call(core, 'rosters.board', {});
    expect(board.missingChecks).toBe(2);
    const presence = await call(core, 'rosters.presence.day', { day: '2026-11-19' });
    const daySlot = presence.slots.find((s) => s.shiftId === day.id)!;
    expect(daySlot.expected.map((e) => e.name)).toEqual(['Guard 1']);
    expect(daySlot.finished).toBe(true);
    await call(core, 'rosters.presence.record', { day: '2026-11-19', postId: post.id, shiftId: day.id, staffId: staff[0]!.id, status: 'late', note: '20 min' });
    await call(core, 'rosters.presence.record', { day: '2026-11-19', postId: post.id, shiftId: night.id, staffId: staff[1]!.id, status: 'asleep', adHoc: true });
    await call(core, 'rosters.presence.record', { day: '2026-11-18', postId: post.id, shiftId: day.id, staffId: staff[0]!.id, status: 'replaced', replacedById: staff[2]!.id });
    const replacedWithout = await callRaw(core, 'rosters.presence.record', { day: '2026-11-18', postId: post.id, shiftId: day.id, staffId: staff[0]!.id, status: 'replaced' });
    expect(replacedWithout.ok).toBe(false);
    expect((await call(core, 'rosters.board', {})).missingChecks).toBe(0);
    const summary = await call(core, 'rosters.presence.summary', { month: '2026-11' });
    const g1 = summary.find((s) => s.name === 'Guard 1')!;
    expect(g1).toMatchObject({ rostered: 2, worked: 1, late: 1, replaced: 1, absent: 0 });
    expect(summary.find((s) => s.name === 'Guard 2')).toMatchObject({ rostered: 1, worked: 1, asleep: 1 });
    expect(summary.find((s) => s.name === 'Guard 3')).toMatchObject({ rostered: 0, worked: 1 });
    const checks = (await call(core, 'rosters.presence.day', { day: '2026-11-19' })).slots.flatMap((s) => s.checks);
    expect(checks.map((c) => c.checkedBy)).toEqual(['Amina Diallo', 'Amina Diallo']);
    // The weekly security report carries the same figures for its week.
    const report = await call(core, 'reports.preview', { kind: 'weekly', period: '2026-W47' });
    expect(report.sections).toContain('rosters');
    const section = report.html.slice(report.html.indexOf('Roster and presence'));
    expect(section).toContain('Guard 1');
    expect(section).toContain('Shifts rostered');
  });

  it('keeps the feedback history', async () => {
    const { staff } = await setup(1);
    await call(core, 'rosters.feedback.add', { staffId: staff[0]!.id, month: '2026-10', rating: 3, note: 'Late twice' });
    now = new Date('2026-11-21T09:00:00Z');
    await call(core, 'rosters.feedback.add', { staffId: staff[0]!.id, month: '2026-10', rating: 4, note: 'Better after talk' });
    const list = await call(core, 'rosters.feedback.list', { staffId: staff[0]!.id });
    expect(list.map((f) => f.rating)).toEqual([4, 3]);
    expect((await callRaw(core, 'rosters.feedback.add', { staffId: staff[0]!.id, month: '2026-10', rating: 6 })).ok).toBe(false);
    const summary = await call(core, 'rosters.presence.summary', { month: '2026-11' });
    expect(summary[0]!.lastRating).toBe(4);
  });
});

describe('rosters: generating a month', () => {
  it('fills the month, then a hand move into a conflict is listed', async () => {
    const { post } = await setup(6);
    const generated = await call(core, 'rosters.generate', { month: '2026-12', keepManual: true });
    expect(generated.assigned).toBe(62);
    expect(generated.unsatisfied.filter((p) => p.rule !== 'daysOff')).toEqual([]);
    const hard = generated.month.problems.filter((p) => p.rule !== 'daysOff');
    expect(hard).toEqual([]);
    const nightCell = generated.month.assignments.find((a) => a.day === '2026-12-10' && a.shiftId === post.shifts[1]!.id)!;
    const sameDayOther = generated.month.assignments.find((a) => a.day === '2026-12-10' && a.shiftId === post.shifts[0]!.id)!;
    const moved = await call(core, 'rosters.move', { id: sameDayOther.id, toDay: '2026-12-10', toStaffId: nightCell.staffId });
    // Day 07-19 then night 19-07 on the same day: no rest between them, listed and marked on that person's cell.
    const flagged = moved.month.problems.filter((p) => p.assignmentIds.some((id) => id === sameDayOther.id || id === nightCell.id));
    expect(flagged.map((p) => p.rule)).toContain('rest');
    expect(flagged[0]!.staffId).toBe(nightCell.staffId);
    expect(flagged[0]!.day).toBe('2026-12-10');
  });

  it('saves what it can when the month needs more people than exist, naming rule, day and post', async () => {
    await setup(1);
    const generated = await call(core, 'rosters.generate', { month: '2026-12', keepManual: false });
    expect(generated.assigned).toBeGreaterThan(0);
    const short = generated.unsatisfied.find((p) => p.rule === 'understaffed')!;
    expect(short.message).toMatch(/2026-12-\d\d: Office gate \(Main office\)/);
    expect((await call(core, 'rosters.month', { month: '2026-12' })).assignments.length).toBe(generated.assigned);
  });
});
