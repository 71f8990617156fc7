import { indexInput, resolveAssignment } from './resolve';
import { isWeekend } from './time';
import type { FairnessFigures, RoleFairness, RosterAssignment, RosterInput, RosterRole } from './types';

interface Load {
  role: RosterRole;
  total: number;
  nights: number;
  weekends: number;
}

function loadsOf(input: Pick<RosterInput, 'people' | 'posts'>, assignments: RosterAssignment[]): Load[] {
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
  return [...loads.values()];
}

const ROLE_ORDER: RosterRole[] = ['guard', 'driver', 'radio'];

function range(values: number[]): { min: number; max: number; spread: number } | null {
  if (values.length === 0) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return { min, max, spread: max - min };
}

/**
 * How evenly a roster spreads the work, role by role (a driver is never compared with a guard): the fewest
 * and the most nights, weekend shifts and shifts in all that one person of the role has. Nights are shifts
 * that run past midnight; weekend shifts start on a Saturday or Sunday. Only people of a role who worked at
 * all are compared for nights and weekends, so someone on leave all month does not make the spread look
 * worse than the roster is; the total compares everyone of the role. Roles nobody holds are left out.
 */
export function rosterFairnessByRole(input: Pick<RosterInput, 'people' | 'posts'>, assignments: RosterAssignment[]): RoleFairness[] {
  const loads = loadsOf(input, assignments);
  const roles = ROLE_ORDER.filter((role) => loads.some((l) => l.role === role));
  return roles.map((role) => {
    const all = loads.filter((l) => l.role === role);
    const worked = all.filter((l) => l.total > 0);
    return {
      role,
      people: all.length,
      worked: worked.length,
      nights: range(worked.map((l) => l.nights)),
      weekends: range(worked.map((l) => l.weekends)),
      total: range(all.map((l) => l.total)) ?? { min: 0, max: 0, spread: 0 },
    };
  });
}

/** The same measure in three figures: the largest max-minus-min over the roles. */
export function rosterFairness(input: Pick<RosterInput, 'people' | 'posts'>, assignments: RosterAssignment[]): FairnessFigures {
  const byRole = rosterFairnessByRole(input, assignments);
  const worst = (figure: (r: RoleFairness) => number) => byRole.reduce((m, r) => Math.max(m, figure(r)), 0);
  return {
    nightSpread: worst((r) => r.nights?.spread ?? 0),
    weekendSpread: worst((r) => r.weekends?.spread ?? 0),
    totalSpread: worst((r) => r.total.spread),
  };
}
