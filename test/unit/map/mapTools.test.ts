import { describe, expect, it } from 'vitest';
import { formatDistance, haversineMetres, nextWindow, pathMetres, startWindow, stepFor } from '../../../shared/domain/mapTools';

describe('measure tool', () => {
  it('measures great-circle distances', () => {
    // Nairobi to Mogadishu: about 1,000 km.
    expect(haversineMetres([36.8219, -1.2921], [45.3182, 2.0469]) / 1000).toBeCloseTo(1013, -1);
    // One degree of longitude at the equator: 111.2 km.
    expect(haversineMetres([0, 0], [1, 0])).toBeCloseTo(111_195, -2);
    expect(pathMetres([[0, 0], [1, 0], [1, 1]])).toBeCloseTo(2 * 111_195, -2);
    expect(pathMetres([[0, 0]])).toBe(0);
  });

  it('writes distances the way a reader expects', () => {
    expect(formatDistance(850.4, 'en')).toBe('850 m');
    expect(formatDistance(12_345, 'en')).toBe('12.3 km');
    expect(formatDistance(12_345, 'fr')).toBe('12,3 km');
    expect(formatDistance(230_400, 'en')).toBe('230 km');
  });
});

describe('time window animation', () => {
  const bounds = [100, 400] as const;
  it('starts from a tenth of the span, moves forward keeping the width, and stops at the end', () => {
    expect(startWindow(null, bounds)).toEqual([100, 130]);
    expect(startWindow([150, 200], bounds)).toEqual([150, 200]);
    expect(stepFor(bounds)).toBe(5);
    expect(nextWindow([100, 130], bounds, 5)).toEqual([105, 135]);
    expect(nextWindow([368, 398], bounds, 5)).toEqual([370, 400]);
    expect(nextWindow([370, 400], bounds, 5)).toBeNull();
  });
});
