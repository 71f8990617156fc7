import { describe, expect, it } from 'vitest';
import { formatDms, parseCoordinates, toDms } from '../../../shared/domain/coordinates';

describe('map coordinates', () => {
  it('writes degrees, minutes and seconds with the hemisphere', () => {
    expect(toDms(-3.25, 'lat')).toBe('3°15′00.0″S');
    expect(toDms(62.1, 'lon')).toBe('62°06′00.0″E');
    expect(formatDms(48.8584, 2.2945)).toBe('48°51′30.2″N 2°17′40.2″E');
  });

  it('reads decimal and DMS input', () => {
    expect(parseCoordinates('-3.25, 62.1')).toEqual({ lat: -3.25, lon: 62.1 });
    expect(parseCoordinates('-3.25 62.1')).toEqual({ lat: -3.25, lon: 62.1 });
    const dms = parseCoordinates('3°15′S 62°06′E');
    expect(dms?.lat).toBeCloseTo(-3.25);
    expect(dms?.lon).toBeCloseTo(62.1);
    expect(parseCoordinates(`48°51'30.2"N 2°17'40.2"E`)?.lat).toBeCloseTo(48.8584, 4);
  });

  it('refuses what is not a place on the globe', () => {
    expect(parseCoordinates('')).toBeNull();
    expect(parseCoordinates('91, 10')).toBeNull();
    expect(parseCoordinates('10, 181')).toBeNull();
    expect(parseCoordinates('3°N 4°N')).toBeNull();
    expect(parseCoordinates('Kabul')).toBeNull();
  });
});
