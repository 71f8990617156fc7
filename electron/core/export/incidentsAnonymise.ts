import type { Incident, IncidentColumn } from '../../../shared/contract/incidents';
import { LOCATION_PRECISIONS } from '../../../shared/contract/incidents';

/** Names, narrative and every free-text field: never in an anonymised export, in any format. */
export const ANONYMISED_DROPPED_COLUMNS: readonly IncidentColumn[] = [
  'placeName',
  'perpetratorName',
  'narrative',
  'actionsTaken',
  'followUp',
  'externalId',
  'source',
];

const KM_PER_DEGREE = 111.32;

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Snaps a point to a grid of `km` kilometres: latitude in steps of km/111.32 degrees, then longitude in
 * steps of km/(111.32·cos(lat)) at the snapped latitude, so every point of one cell lands on one node.
 */
export function snapToGrid(latitude: number, longitude: number, km: number): { latitude: number; longitude: number } {
  const latStep = km / KM_PER_DEGREE;
  const lat = Math.max(-90, Math.min(90, Math.round(latitude / latStep) * latStep));
  const cos = Math.cos((lat * Math.PI) / 180);
  if (cos < 1e-6) return { latitude: round6(lat), longitude: 0 };
  const lonStep = km / (KM_PER_DEGREE * cos);
  let lon = Math.round(longitude / lonStep) * lonStep;
  if (lon > 180) lon -= lonStep;
  if (lon < -180) lon += lonStep;
  return { latitude: round6(lat), longitude: round6(lon) };
}

/** The precision a grid of `km` gives, never finer than what the incident already had. */
function coarsened(current: Incident['locationPrecision'], km: number): Incident['locationPrecision'] {
  const grid = km <= 5 ? 'km5' : km <= 25 ? 'km25' : km <= 100 ? 'admin' : 'country';
  if (!current) return grid;
  return LOCATION_PRECISIONS.indexOf(current) > LOCATION_PRECISIONS.indexOf(grid) ? current : grid;
}

/** One incident as a partner may see it. The id is replaced by a running number (no link back to the vault). */
export function anonymiseIncident(i: Incident, km: number, n: number): Incident {
  const out: Incident = { ...i, id: String(n), placeName: '', perpetratorName: '', narrative: '', actionsTaken: '', followUp: '', externalId: null, source: null };
  if (i.latitude != null && i.longitude != null) {
    Object.assign(out, snapToGrid(i.latitude, i.longitude, km), { locationPrecision: coarsened(i.locationPrecision, km) });
  }
  return out;
}

export function* anonymised(rows: Iterable<Incident>, km: number): Generator<Incident> {
  let n = 0;
  for (const i of rows) yield anonymiseIncident(i, km, ++n);
}
