import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeeksInYear, lastCompletePeriod, parsePeriod, PeriodError, quarterOf, recentPeriods } from '../../../electron/core/report/periodic/period';

describe('report periods (ISO weeks and quarters in the delegation time zone)', () => {
  it('knows which years have 53 ISO weeks (2026 does, 2025 does not)', () => {
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('puts days around new year in the right ISO week', () => {
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
  });

  it('gives 2026-W53 as Monday 28 December to Sunday 3 January, local midnights in Berlin as UTC', () => {
    const p = parsePeriod('weekly', '2026-W53', 'Europe/Berlin');
    expect(p).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03', start: '2026-12-27T23:00:00.000Z', end: '2027-01-03T23:00:00.000Z' });
    expect(parsePeriod('weekly', '2027-W01', 'UTC')).toMatchObject({ firstDay: '2027-01-04', start: '2027-01-04T00:00:00.000Z' });
  });

  it('ends the week of the spring DST change 23 hours after a plain day would (Paris, 2026-W13)', () => {
    const p = parsePeriod('weekly', '2026-W13', 'Europe/Paris');
    expect(p.start).toBe('2026-03-22T23:00:00.000Z');
    // Monday 30 March 00:00 is already summer time (UTC+2).
    expect(p.end).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(p.end).getTime() - new Date(p.start).getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });

  it('gives a quarter in a zone west of UTC, across the autumn DST change', () => {
    expect(parsePeriod('quarterly', '2026-Q4', 'America/New_York')).toMatchObject({
      firstDay: '2026-10-01',
      lastDay: '2026-12-31',
      start: '2026-10-01T04:00:00.000Z',
      end: '2027-01-01T05:00:00.000Z',
    });
    expect(parsePeriod('quarterly', '2026-Q1', 'UTC')).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
  });

  it('defaults to the last complete period as the delegation sees the calendar', () => {
    const now = new Date('2027-01-01T02:00:00Z');
    // Tokyo: already Friday 1 January 2027 (in 2026-W53); Los Angeles: still Thursday 31 December.
    expect(lastCompletePeriod('weekly', now, 'Asia/Tokyo').id).toBe('2026-W52');
    expect(lastCompletePeriod('weekly', now, 'America/Los_Angeles').id).toBe('2026-W52');
    expect(lastCompletePeriod('quarterly', now, 'Asia/Tokyo').id).toBe('2026-Q4');
    expect(lastCompletePeriod('quarterly', now, 'America/Los_Angeles').id).toBe('2026-Q3');
    // Monday 4 January 2027 just after midnight in Nairobi: 2026-W53 is now complete.
    expect(lastCompletePeriod('weekly', new Date('2027-01-03T21:30:00Z'), 'Africa/Nairobi').id).toBe('2026-W53');
    expect(recentPeriods('weekly', now, 'UTC', 3).map((p) => p.id)).toEqual(['2026-W52', '2026-W51', '2026-W50']);
  });

  it('refuses impossible or malformed ids with a clear message', () => {
    expect(() => parsePeriod('weekly', '2025-W53', 'UTC')).toThrow(/2025 has 52 ISO weeks/);
    expect(() => parsePeriod('weekly', '2026-W00', 'UTC')).toThrow(PeriodError);
    expect(() => parsePeriod('weekly', '2026-47', 'UTC')).toThrow(/YYYY-Www/);
    expect(() => parsePeriod('quarterly', '2026-Q5', 'UTC')).toThrow(/YYYY-Qn/);
  });
});
