import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, makeUnlockedCore } from '../helpers/testCore';

let core: Core;
afterEach(() => core?.close());

/** The fictional country of the demo vault lies in open sea around these bounds. */
const inDemoCountry = (lat: number, lon: number) => lat > -5 && lat < -1 && lon > 60 && lon < 64.5;

describe('demo vault on the map', () => {
  it('has contacts with coordinates, sensitive ones only when asked for', async () => {
    core = await makeUnlockedCore({ demo: true });
    const plain = await call(core, 'contacts.mapPoints', { includeSensitive: false });
    expect(plain.points.length).toBeGreaterThanOrEqual(20);
    expect(plain.points.every(([, , , , , sensitive]) => !sensitive)).toBe(true);
    expect(plain.points.every(([, lon, lat]) => inDemoCountry(lat, lon))).toBe(true);
    expect(plain.hiddenSensitive).toBeGreaterThan(0);

    const all = await call(core, 'contacts.mapPoints', { includeSensitive: true });
    const sensitive = all.points.filter(([, , , , , s]) => s);
    expect(sensitive.length).toBe(plain.hiddenSensitive);
    expect(all.points.length).toBe(plain.points.length + sensitive.length);
    // Not every contact sits on the same spot: they spread around their cities.
    expect(new Set(all.points.map(([, lon, lat]) => `${lon},${lat}`)).size).toBe(all.points.length);
  });

  it('has movement routes that draw as lines, within the demo country', async () => {
    core = await makeUnlockedCore({ demo: true });
    const { routes } = await call(core, 'movements.mapRoutes', {});
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const r of routes) {
      expect(r.waypoints.length).toBeGreaterThanOrEqual(2);
      expect(r.waypoints.every((w) => inDemoCountry(w.latitude, w.longitude))).toBe(true);
      expect(r.waypoints[0]!.name).toBe(r.from);
      expect(r.waypoints.at(-1)!.name).toBe(r.to);
    }
    expect(routes.some((r) => r.state === 'under_way')).toBe(true);
  });
});
