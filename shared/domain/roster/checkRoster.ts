import { pairRules, reachOf, startOf, touchesLeave } from './pairRules';
import { indexInput, leaveRanges, resolveAssignment, shiftKey, type ResolvedAssignment } from './resolve';
import { dayString, isoWeekStart, monthSpan } from './time';
import type { RosterInput, RosterProblem, RosterRule } from './types';

/**
 * Every rule broken by a roster, one problem per broken rule instance, sorted by day. A problem between
 * two assignments is reported on the later one (the cell a user would move), or on the current one when
 * the other comes from `previous`; problems among `previous` assignments alone are not reported.
 * Input the rules cannot judge (unknown ids, malformed days or times) is skipped: see validateRosterInput.
 */
export function checkRoster(input: RosterInput): RosterProblem[] {
  const index = indexInput(input);
  const resolved: ResolvedAssignment[] = [];
  for (const a of input.previous ?? []) {
    const r = resolveAssignment(index, a, true);
    if (r) resolved.push(r);
  }
  for (const a of input.assignments) {
    const r = resolveAssignment(index, a, false);
    if (r) resolved.push(r);
  }
  const byPerson = groupBy(resolved, (r) => r.person.id);
  const problems: RosterProblem[] = [];
  for (const shifts of byPerson.values()) {
    shifts.sort((a, b) => startOf(a) - startOf(b));
    checkPairs(input, shifts, problems);
    checkWeeks(input, shifts, problems);
    checkLeaveAndRole(shifts, problems);
  }
  checkStaffing(input, problems);
  checkDaysOff(input, byPerson, problems);
  return problems.sort(compareProblems);
}

function problemOn(rule: RosterRule, r: ResolvedAssignment): RosterProblem {
  return { rule, day: r.source.day, personId: r.person.id, postId: r.post.id, shiftId: r.shift.id };
}

/** Double booking, rest and night-to-day: each shift against the later ones it can still reach. */
function checkPairs(input: RosterInput, shifts: ResolvedAssignment[], out: RosterProblem[]): void {
  for (let i = 0; i < shifts.length; i++) {
    const a = shifts[i]!;
    const reach = reachOf(a, input.rules);
    for (let j = i + 1; j < shifts.length && startOf(shifts[j]!) < reach; j++) {
      const b = shifts[j]!;
      if (a.previous && b.previous) continue;
      const target = b.previous ? a : b;
      for (const rule of pairRules(a, b, input.rules)) out.push(problemOn(rule, target));
    }
  }
}

/** Maximum per ISO week, reported once per person and week on the first current shift over the limit. */
function checkWeeks(input: RosterInput, shifts: ResolvedAssignment[], out: RosterProblem[]): void {
  const weeks = groupBy(shifts, (s) => isoWeekStart(s.day));
  for (const week of weeks.values()) {
    if (week.length <= input.rules.maxShiftsPerWeek) continue;
    // Sorted by start already, so previous-month shifts come first and the over-limit ones last.
    const over = week.slice(input.rules.maxShiftsPerWeek).find((s) => !s.previous);
    if (over) out.push(problemOn('maxPerWeek', over));
  }
}

function checkLeaveAndRole(shifts: ResolvedAssignment[], out: RosterProblem[]): void {
  const first = shifts[0];
  if (!first) return;
  const leave = leaveRanges(first.person);
  for (const s of shifts) {
    if (s.previous) continue;
    if (leave.some(([from, to]) => touchesLeave(s, from, to))) out.push(problemOn('leave', s));
    if (s.person.role !== s.post.role) out.push(problemOn('wrongRole', s));
  }
}

/** Every shift of every post on every day of the month with fewer distinct people than it needs. */
function checkStaffing(input: RosterInput, out: RosterProblem[]): void {
  const span = monthSpan(input.month);
  if (!span) return;
  const staffed = new Map<string, Set<string>>();
  for (const a of input.assignments) {
    const key = `${shiftKey(a.postId, a.shiftId)}\u0000${a.day}`;
    const people = staffed.get(key) ?? new Set<string>();
    people.add(a.personId);
    staffed.set(key, people);
  }
  for (const post of input.posts) {
    for (const shift of post.shifts) {
      for (let d = span.first; d < span.first + span.days; d++) {
        const day = dayString(d);
        const have = staffed.get(`${shiftKey(post.id, shift.id)}\u0000${day}`)?.size ?? 0;
        if (have < shift.needed) out.push({ rule: 'understaffed', day, postId: post.id, shiftId: shift.id, missing: shift.needed - have });
      }
    }
  }
}

/**
 * Soft: a day off is a day of the month on which no shift of the person starts (an empty cell of the grid);
 * leave days count as days off. Reported on the month's first day; `missing` is the shortfall.
 */
function checkDaysOff(input: RosterInput, byPerson: Map<string, ResolvedAssignment[]>, out: RosterProblem[]): void {
  const span = monthSpan(input.month);
  if (!span || input.rules.daysOffPerMonth <= 0) return;
  const firstDay = dayString(span.first);
  for (const person of input.people) {
    const worked = new Set<number>();
    for (const s of byPerson.get(person.id) ?? []) {
      if (!s.previous && s.day >= span.first && s.day < span.first + span.days) worked.add(s.day);
    }
    const free = span.days - worked.size;
    if (free < input.rules.daysOffPerMonth) {
      out.push({ rule: 'daysOff', day: firstDay, personId: person.id, missing: input.rules.daysOffPerMonth - free });
    }
  }
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const RULE_ORDER: Record<RosterRule, number> = {
  doubleBooking: 0,
  rest: 1,
  nightToDay: 2,
  leave: 3,
  maxPerWeek: 4,
  wrongRole: 5,
  understaffed: 6,
  daysOff: 7,
};

/** The order problems are listed in: by day, then rule, post, shift and person. */
export function compareProblems(a: RosterProblem, b: RosterProblem): number {
  return (
    // "YYYY-MM-DD" sorts as text in calendar order.
    cmp(a.day, b.day) ||
    RULE_ORDER[a.rule] - RULE_ORDER[b.rule] ||
    cmp(a.postId, b.postId) ||
    cmp(a.shiftId, b.shiftId) ||
    cmp(a.personId, b.personId)
  );
}

const cmp = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);
