import { pairRules, pairRulesAnyOrder, touchesLeave } from '../pairRules';
import { indexInput, leaveRanges, resolveAssignment, shiftKey, type ResolvedAssignment } from '../resolve';
import { dayString, isoWeekStart, isWeekend, MINUTES_PER_DAY, monthSpan, shiftTiming, type ShiftTiming } from '../time';
import type { RosterAssignment, RosterInput, RosterPerson, RosterPost, RosterRole, RosterRules, RosterShift } from '../types';

/**
 * The month as numbers, for the search: people by index, one slot per person a shift still needs, and a
 * precomputed table telling whether two shift shapes a few days apart can be held by the same person.
 * Day indexes count from `base`, a few days before the month so previous-month shifts fit in.
 */

/** One post x shift x day; `slots` are its places still to fill once the fixed people are counted. */
export interface Group {
  post: RosterPost;
  shift: RosterShift;
  day: string;
  dayIndex: number;
  /** False when the shift's times are malformed: it cannot be placed, only reported. */
  schedulable: boolean;
  /** Places left once the fixed people are counted; slots holds that many when schedulable. */
  open: number;
  slots: number[];
}

export interface Slot {
  group: number;
  cls: number;
  day: number;
  week: number;
  role: RosterRole;
  night: boolean;
  weekend: boolean;
  /** People of the role who are not on leave during the shift. */
  candidates: number[];
}

/** An assignment the search may not move: fixed by the user, or from the previous month. */
export interface Immovable {
  person: number;
  cls: number;
  day: number;
  week: number;
  /** Fixed in the month: counts toward the person's load; previous-month shifts do not. */
  inMonth: boolean;
  night: boolean;
  weekend: boolean;
}

export interface Model {
  rules: RosterRules;
  people: RosterPerson[];
  peopleByRole: Map<RosterRole, number[]>;
  /** Absolute day number of day index 0. */
  base: number;
  /** Day indexes of the month: [monthStart, monthStart + days). */
  monthStart: number;
  days: number;
  /** Number of day indexes in use. */
  length: number;
  /** Two shifts more than `reach` days apart never clash. */
  reach: number;
  classes: ShiftTiming[];
  /** conflict[(a * C + b) * (reach + 1) + d]: class a on some day and class b d days later clash. */
  conflict: Uint8Array;
  weekOf: Int32Array;
  weeks: number;
  groups: Group[];
  slots: Slot[];
  slotsByDay: number[][];
  immovables: Immovable[];
  /** The fixed assignments as given, kept in the output. */
  fixed: RosterAssignment[];
  leave: Array<Array<[number, number]>>;
}

export function buildModel(input: Omit<RosterInput, 'assignments'>, fixed: RosterAssignment[]): Model | undefined {
  const span = monthSpan(input.month);
  if (!span) return undefined;
  const rules = input.rules;
  const index = indexInput(input);
  const people = input.people;
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const peopleByRole = new Map<RosterRole, number[]>();
  people.forEach((p, i) => peopleByRole.set(p.role, [...(peopleByRole.get(p.role) ?? []), i]));

  // Longest possible clash distance: a shift may start at 23:59 and last 24 h, then rest follows.
  const reach = Math.ceil((2 * MINUTES_PER_DAY + Math.max(0, rules.minRestHours) * 60) / MINUTES_PER_DAY);
  // Enough days before the month for the ISO week that straddles its start and for rest carried across.
  const before = Math.max(reach, 7);
  const base = span.first - before;
  const length = before + span.days + reach + 1;
  const weekOf = new Int32Array(length);
  for (let d = 0; d < length; d++) weekOf[d] = (isoWeekStart(base + d) - isoWeekStart(base)) / 7;
  const weeks = weekOf[length - 1]! + 1;

  const classes: ShiftTiming[] = [];
  const classOf = new Map<string, number>();
  const clsFor = (t: ShiftTiming): number => {
    const key = `${t.start}/${t.length}`;
    let c = classOf.get(key);
    if (c === undefined) {
      c = classes.length;
      classes.push(t);
      classOf.set(key, c);
    }
    return c;
  };
  for (const entry of index.shifts.values()) if (entry.timing) clsFor(entry.timing);

  const leave = people.map(leaveRanges);
  const immovables: Immovable[] = [];
  const fixedPeople = new Map<string, Set<string>>();
  const place = (r: ResolvedAssignment, inMonth: boolean) => {
    const day = r.day - base;
    if (day < 0 || day >= length) return; // too far from the month to matter
    const person = personIndex.get(r.person.id)!;
    immovables.push({ person, cls: clsFor(r.timing), day, week: weekOf[day]!, inMonth, night: r.timing.overnight, weekend: isWeekend(r.day) });
  };
  for (const a of input.previous ?? []) {
    const r = resolveAssignment(index, a, true);
    if (r) place(r, false);
  }
  for (const a of fixed) {
    // Counted toward the shift as the checker counts them (by person id), even when the id is unknown.
    const key = `${shiftKey(a.postId, a.shiftId)}\u0000${a.day}`;
    fixedPeople.set(key, (fixedPeople.get(key) ?? new Set()).add(a.personId));
    const r = resolveAssignment(index, a, false);
    if (r) place(r, r.day >= span.first && r.day < span.first + span.days);
  }

  const groups: Group[] = [];
  const slots: Slot[] = [];
  const slotsByDay: number[][] = Array.from({ length }, () => []);
  const monthStart = before;
  for (let d = monthStart; d < monthStart + span.days; d++) {
    const dayNum = base + d;
    const day = dayString(dayNum);
    for (const post of input.posts) {
      for (const shift of post.shifts) {
        const timing = shiftTiming(shift.start, shift.end);
        const have = fixedPeople.get(`${shiftKey(post.id, shift.id)}\u0000${day}`)?.size ?? 0;
        const open = Math.max(0, Math.floor(shift.needed) - have);
        const group: Group = { post, shift, day, dayIndex: d, schedulable: timing !== undefined, open, slots: [] };
        groups.push(group);
        if (!timing || open === 0) continue;
        const placed = { day: dayNum, timing };
        const candidates = (peopleByRole.get(post.role) ?? []).filter((p) => !leave[p]!.some(([from, to]) => touchesLeave(placed, from, to)));
        for (let k = 0; k < open; k++) {
          group.slots.push(slots.length);
          slotsByDay[d]!.push(slots.length);
          slots.push({ group: groups.length - 1, cls: clsFor(timing), day: d, week: weekOf[d]!, role: post.role, night: timing.overnight, weekend: isWeekend(dayNum), candidates });
        }
      }
    }
  }

  return {
    rules,
    people,
    peopleByRole,
    base,
    monthStart,
    days: span.days,
    length,
    reach,
    classes,
    conflict: conflictTable(classes, reach, rules),
    weekOf,
    weeks,
    groups,
    slots,
    slotsByDay,
    immovables,
    fixed,
    leave,
  };
}

function conflictTable(classes: ShiftTiming[], reach: number, rules: RosterRules): Uint8Array {
  const C = classes.length;
  const table = new Uint8Array(C * C * (reach + 1));
  for (let a = 0; a < C; a++) {
    for (let b = 0; b < C; b++) {
      for (let d = 0; d <= reach; d++) {
        const first = { day: 0, timing: classes[a]! };
        const second = { day: d, timing: classes[b]! };
        // On the same day either may start first; on a later day the second always starts later.
        const broken = d === 0 ? pairRulesAnyOrder(first, second, rules) : pairRules(first, second, rules);
        table[(a * C + b) * (reach + 1) + d] = broken.length > 0 ? 1 : 0;
      }
    }
  }
  return table;
}

/** Whether class `a` on day `da` and class `b` on day `db` clash for one person. */
export function clash(m: Model, a: number, da: number, b: number, db: number): boolean {
  const C = m.classes.length;
  const d = db - da;
  if (d >= 0) return d <= m.reach && m.conflict[(a * C + b) * (m.reach + 1) + d] === 1;
  return -d <= m.reach && m.conflict[(b * C + a) * (m.reach + 1) - d] === 1;
}
