import { describe, expect, it } from 'vitest';
import { currentSlot, missedSlots, normaliseTimes, pastSlots } from '../../../shared/domain/rollCall';

const TZ = 'Africa/Nairobi'; // UTC+3

describe('radio roll-call', () => {
  it('keeps valid set times, sorted and once', () => {
    expect(normaliseTimes(['20:00', '08:00', '8:00', '25:00', '08:00'])).toEqual(['08:00', '20:00']);
  });

  it('a set time counts as past only after the grace period, in the delegation time zone', () => {
    // 08:20 in Nairobi: the 08:00 check is still under way; yesterday's 20:00 is past.
    expect(pastSlots(['08:00', '20:00'], new Date('2026-12-03T05:20:00.000Z'), TZ).map((s) => `${s.day} ${s.slot}`)).toEqual(['2026-12-02 20:00']);
    expect(pastSlots(['08:00', '20:00'], new Date('2026-12-03T05:31:00.000Z'), TZ).map((s) => `${s.day} ${s.slot}`)).toEqual([
      '2026-12-03 08:00',
      '2026-12-02 20:00',
    ]);
  });

  it('reports call signs nobody answered for; any recorded answer counts as checked', () => {
    const now = new Date('2026-12-03T06:00:00.000Z'); // 09:00 local
    const checks = [
      { day: '2026-12-03', slot: '08:00', callSign: 'Alpha 1' },
      { day: '2026-12-03', slot: '08:00', callSign: 'bravo 2' },
      { day: '2026-12-02', slot: '20:00', callSign: 'Alpha 1' },
      { day: '2026-12-02', slot: '20:00', callSign: 'Bravo 2' },
      { day: '2026-12-02', slot: '20:00', callSign: 'Charlie 3' },
    ];
    expect(missedSlots(['08:00', '20:00'], ['Alpha 1', 'Bravo 2', 'Charlie 3'], checks, now, TZ)).toEqual([
      { day: '2026-12-03', slot: '08:00', at: '2026-12-03T05:00:00.000Z', unchecked: ['Charlie 3'] },
    ]);
  });

  it('around midnight the evening check of yesterday is still looked at', () => {
    const now = new Date('2026-12-02T21:30:00.000Z'); // 00:30 on 3 December, local
    const missed = missedSlots(['08:00', '20:00'], ['Alpha 1'], [], now, TZ);
    expect(missed.map((m) => `${m.day} ${m.slot}`)).toEqual(['2026-12-02 20:00', '2026-12-02 08:00']);
    expect(currentSlot(['08:00', '20:00'], now, TZ)).toEqual({ day: '2026-12-03', slot: '08:00' });
  });
});
