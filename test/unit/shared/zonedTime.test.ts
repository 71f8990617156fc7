import { describe, expect, it } from 'vitest';
import { localDay, offsetMinutes, utcToZoned, zonedToUtc } from '../../../shared/domain/zonedTime';
import { isInCountry, monthsBefore, trainingFlags } from '../../../shared/domain/peopleFlags';

describe('zoned time', () => {
  it('gives the local day around midnight', () => {
    expect(localDay('2026-12-03T20:59:00.000Z', 'Africa/Nairobi')).toBe('2026-12-03');
    expect(localDay('2026-12-03T21:00:00.000Z', 'Africa/Nairobi')).toBe('2026-12-04');
    expect(localDay('2026-12-04T03:00:00.000Z', 'America/Bogota')).toBe('2026-12-03');
  });

  it('converts local wall time to UTC and back, across daylight saving', () => {
    expect(zonedToUtc('2026-12-04T00:30', 'Africa/Nairobi')).toBe('2026-12-03T21:30:00.000Z');
    expect(zonedToUtc('2026-07-01T12:00', 'Europe/Paris')).toBe('2026-07-01T10:00:00.000Z');
    expect(zonedToUtc('2026-01-01T12:00', 'Europe/Paris')).toBe('2026-01-01T11:00:00.000Z');
    expect(utcToZoned('2026-03-29T01:30:00.000Z', 'Europe/Paris')).toBe('2026-03-29T03:30');
    expect(zonedToUtc('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('moves a time skipped by the spring jump forward, as a wall clock does', () => {
    // 02:30 does not exist in Paris on 29 March 2026: clocks go from 02:00 to 03:00.
    expect(zonedToUtc('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('handles offsets that are not whole hours and the year boundary', () => {
    expect(zonedToUtc('2026-12-31T23:50', 'Asia/Kathmandu')).toBe('2026-12-31T18:05:00.000Z');
    expect(utcToZoned('2026-12-31T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2027-01-01T00:00');
    expect(localDay('2026-12-31T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2027-01-01');
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/St_Johns')).toBe(-150);
  });
});

describe('people flags', () => {
  it('flags missing, expired and expiring training against the local day', () => {
    const flags = trainingFlags(
      [
        { course: 'heat', expiresOn: '2026-12-02' },
        { course: 'heat', expiresOn: '2029-01-01' },
        { course: 'first_aid', expiresOn: '2027-01-31' },
        { course: 'radio', expiresOn: '2027-02-02' },
      ],
      ['stay_safe_basic'],
      '2026-12-03',
      60,
    );
    expect(flags).toEqual([
      { course: 'stay_safe_basic', state: 'missing', expiresOn: null },
      { course: 'first_aid', state: 'expiring', expiresOn: '2027-01-31' },
    ]);
  });

  it('counts arrivals by local day and leaves out people who left or are away', () => {
    const now = new Date('2026-12-03T21:30:00.000Z'); // 00:30 on the 4th in Nairobi
    expect(isInCountry({ status: 'expected', arrivalAt: '2026-12-03T22:00:00.000Z', departureAt: null }, now, 'Africa/Nairobi')).toBe(true);
    // Arriving on the local 5th (01:00 Nairobi): not yet in country on the 4th.
    expect(isInCountry({ status: 'expected', arrivalAt: '2026-12-04T22:00:00.000Z', departureAt: null }, now, 'Africa/Nairobi')).toBe(false);
    // In UTC that arrival falls on the 4th while today is still the 3rd: not yet either.
    expect(isInCountry({ status: 'expected', arrivalAt: '2026-12-04T22:00:00.000Z', departureAt: null }, now, 'UTC')).toBe(false);
    expect(isInCountry({ status: 'in_country', arrivalAt: '2026-12-01T10:00:00.000Z', departureAt: '2026-12-03T21:00:00.000Z' }, now, 'UTC')).toBe(false);
    expect(isInCountry({ status: 'left', arrivalAt: '2026-01-01T00:00:00.000Z', departureAt: null }, now, 'UTC')).toBe(false);
    expect(isInCountry({ status: 'out_of_country', arrivalAt: '2026-01-01T00:00:00.000Z', departureAt: null }, now, 'UTC')).toBe(false);
  });

  it('counts retention months on the calendar', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-12-03', 12)).toBe('2025-12-03');
    expect(monthsBefore('2026-01-15', 25)).toBe('2023-12-15');
  });
});
