import { indexInput, resolveAssignment } from './resolve';
import { isWeekend } from './time';
import type { FairnessFigures, RosterAssignment, RosterInput, RosterRole } from './types';

interface Load {
  role: RosterRole;
  total: number;
  nights: number;
  weekends: number;
}

/**
 * How evenly a roster spreads the work, per role (a driver is never compared with a guard): the largest
 * max-minus-min over the roles. Nights are shifts that run past midnight; weekend shifts start on a
 * Saturday or Sunday. Only people of a role who worked at all are compared for nights and weekends, so
 * someone on leave all month does not make the spread look worse than the roster is.
 */
export function rosterFairness(input: Pick<RosterInput, 'people' | 'posts'>, assignments: RosterAssignment[]): FairnessFigures {
  const index = indexInput(input);
  const loads = new Map<string, Load>(input.people.map((p) => [p.id, { role: p.role, total: 0, nights: 0, weekends: 0 }]));
  for (const a of assignments) {
    const r = resolveAssignment(index, a, false);
    const load = loads.get(a.personId);
    if (!r || !load) continue;
    load.total++;
    if (r.timing.overnight) load.nights++;
    if (isWeekend(r.day)) load.weekends++;
  }
  const all = [...loads.values()];
  const worked = all.filter((l) => l.total > 0);
  return {
    nightSpread: spread(worked, (l) => l.nights),
    weekendSpread: spread(worked, (l) => l.weekends),
    totalSpread: spread(all, (l) => l.total),
  };
}

function spread(loads: Load[], figure: (l: Load) => number): number {
  const byRole = new Map<RosterRole, number[]>();
  for (const l of loads) byRole.set(l.role, [...(byRole.get(l.role) ?? []), figure(l)]);
  let worst = 0;
  for (const values of byRole.values()) worst = Math.max(worst, Math.max(...values) - Math.min(...values));
  return worst;
}
