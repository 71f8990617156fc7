import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore } from '../helpers/testCore';
import { dayBounds } from '../../../electron/core/services/dailyLogService';

// 22:30 UTC is already 01:30 the next day in Nairobi (UTC+3), the test vault's delegation time zone.
const NOW = new Date('2025-06-10T22:30:00.000Z');
let core: Core;
afterEach(() => core.close());

const entry = {
  source: 'INSO flash',
  sourceType: 'insoUndss' as const,
  reliability: 'B' as const,
  credibility: '2' as const,
  placeName: 'Market road',
  latitude: -1.29,
  longitude: 36.82,
  summary: 'Armed robbery of a taxi near the market; two passengers injured.',
  tags: ['crime', 'Crime', ' road '],
  followUp: 'Ask the partner whether the road is open tomorrow.',
};

describe('daily log through dispatch', () => {
  it('lists the entries of a day in the delegation time zone, today by default', async () => {
    core = await makeUnlockedCore({ now: () => NOW });
    const late = await call(core, 'dailyLog.create', { ...entry, occurredAt: '2025-06-10T20:59:00.000Z' }); // 23:59 local, 10 June
    const early = await call(core, 'dailyLog.create', { ...entry, occurredAt: '2025-06-10T21:00:00.000Z' }); // 00:00 local, 11 June
    const now = await call(core, 'dailyLog.create', { summary: 'Gunshots heard east of the office' });
    expect(now).toMatchObject({ occurredAt: NOW.toISOString(), day: '2025-06-11', sourceType: 'other', reliability: 'F', credibility: '6', tags: [] });
    expect(late.tags).toEqual(['crime', 'road']);

    const today = await call(core, 'dailyLog.list', {});
    expect(today.day).toBe('2025-06-11');
    expect(today.timeZone).toBe('Africa/Nairobi');
    expect(today.entries.map((e) => e.id)).toEqual([early.id, now.id]);
    const before = await call(core, 'dailyLog.list', { day: '2025-06-10' });
    expect(before.entries.map((e) => e.id)).toEqual([late.id]);
    expect(await call(core, 'dailyLog.summary', {})).toEqual({ day: '2025-06-11', count: 2 });
  });

  it('computes day bounds across a daylight-saving change', () => {
    expect(dayBounds('2025-03-30', 'Europe/Paris')).toEqual({ from: '2025-03-29T23:00:00.000Z', to: '2025-03-30T22:00:00.000Z' });
    expect(dayBounds('2025-06-11', 'Africa/Nairobi')).toEqual({ from: '2025-06-10T21:00:00.000Z', to: '2025-06-11T21:00:00.000Z' });
  });

  it.each([
    ['an empty summary', { ...entry, summary: '  ' }, 'summary'],
    ['an unknown reliability', { ...entry, reliability: 'G' }, 'reliability'],
    ['an unknown credibility', { ...entry, credibility: '7' }, 'credibility'],
    ['an unknown source type', { ...entry, sourceType: 'gossip' }, 'sourceType'],
    ['one coordinate only', { ...entry, longitude: null }, 'longitude'],
    ['a local time without zone', { ...entry, occurredAt: '2025-06-10T09:00' }, 'occurredAt'],
  ])('refuses %s', async (_label, input, field) => {
    core = await makeUnlockedCore({ now: () => NOW });
    const result = await callRaw(core, 'dailyLog.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect((result.error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(field);
  });

  it('updates and deletes with audit and events', async () => {
    core = await makeUnlockedCore({ now: () => NOW });
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    const created = await call(core, 'dailyLog.create', entry);
    const updated = await call(core, 'dailyLog.update', { ...entry, id: created.id, occurredAt: created.occurredAt, reliability: 'A' });
    expect(updated.reliability).toBe('A');
    await call(core, 'dailyLog.delete', { id: created.id });
    expect(await callRaw(core, 'dailyLog.get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(events).toEqual(['dailyLog.changed', 'dailyLog.changed', 'dailyLog.changed']);
    const audit = await call(core, 'audit.list', { endRow: 10 });
    expect(audit.rows.filter((r) => r.action !== 'command').slice(0, 3).map((r) => [r.entity, r.action])).toEqual([
      ['dailyLog', 'delete'],
      ['dailyLog', 'update'],
      ['dailyLog', 'create'],
    ]);
  });

  it('promotes an entry to an incident prefilled from it, linked both ways, once, with audit', async () => {
    core = await makeUnlockedCore({ now: () => NOW });
    const created = await call(core, 'dailyLog.create', { ...entry, occurredAt: '2025-06-10T09:15:00.000Z' });
    const { entry: promoted, incident } = await call(core, 'dailyLog.promote', { id: created.id });
    expect(promoted.promotedIncidentId).toBe(incident.id);
    expect(incident).toMatchObject({
      date: '2025-06-10T09:15:00.000Z',
      datePrecision: 'time',
      placeName: 'Market road',
      latitude: -1.29,
      longitude: 36.82,
      locationPrecision: 'exact',
      followUp: entry.followUp,
      confidentiality: 'normal',
    });
    expect(incident.narrative).toBe(`${entry.summary}\n\nFrom the daily log: INSO flash, graded B2.`);
    expect(await call(core, 'dailyLog.forIncident', { incidentId: incident.id })).toMatchObject({ id: created.id });
    expect(await callRaw(core, 'dailyLog.promote', { id: created.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const audit = await call(core, 'audit.list', { endRow: 10 });
    expect(audit.rows.filter((r) => r.action !== 'command').slice(0, 2).map((r) => [r.entity, r.action])).toEqual([
      ['dailyLog', 'promote'],
      ['incident', 'create'],
    ]);

    // Deleting the incident frees the entry again rather than leaving a dangling link.
    await call(core, 'incidents.delete', { id: incident.id });
    expect((await call(core, 'dailyLog.get', { id: created.id })).promotedIncidentId).toBeNull();
    expect(await call(core, 'dailyLog.forIncident', { incidentId: incident.id })).toBeNull();
  });

  it('seeds about sixty fictional entries over two weeks in a demo vault, some of them today', async () => {
    core = await makeUnlockedCore({ demo: true, now: () => NOW });
    expect(await call(core, 'dailyLog.summary', {})).toEqual({ day: '2025-06-11', count: 2 });
    const days = Array.from({ length: 16 }, (_, i) => new Date(Date.UTC(2025, 5, 11 - i)).toISOString().slice(0, 10));
    const lists = await Promise.all(days.map((day) => call(core, 'dailyLog.list', { day })));
    const all = lists.flatMap((l) => l.entries);
    expect(all).toHaveLength(60);
    expect(all.every((e) => e.summary.includes('fictional demo'))).toBe(true);
  });
});
