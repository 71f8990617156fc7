/**
 * Where the fictional cities of the demo country lie (the same places incidentsDemo scatters incidents
 * around), so that contacts and movement routes land near them on the map. Open sea in the Indian Ocean:
 * no demo point can be mistaken for a real place.
 */
export const DEMO_CITY_COORDS: ReadonlyArray<{ name: string; lat: number; lon: number }> = [
  { name: 'Port Amarel', lat: -3.05, lon: 61.8 },
  { name: 'Kessin', lat: -3.6, lon: 61.2 },
  { name: 'Dunmore', lat: -2.4, lon: 62.9 },
  { name: 'Orsk', lat: -2.0, lon: 63.3 },
  { name: 'Tamsin', lat: -4.1, lon: 62.6 },
];

const GOLDEN_ANGLE = 2.399963;

/**
 * The n-th point of a small sunflower spiral around a centre: spread evenly, a few kilometres across, and
 * derived from n alone, so it draws nothing from the seeded generator (the seeders after this one keep
 * producing the same vault for a seed).
 */
export function nearby(centre: { lat: number; lon: number }, n: number, spreadDeg = 0.06): { latitude: number; longitude: number } {
  const r = spreadDeg * Math.sqrt((n % 12) + 0.5) / Math.sqrt(12);
  const a = n * GOLDEN_ANGLE;
  return { latitude: Number((centre.lat + r * Math.sin(a)).toFixed(5)), longitude: Number((centre.lon + r * Math.cos(a)).toFixed(5)) };
}
