import { MINUTES_PER_DAY, type ShiftTiming } from './time';
import type { RosterRule, RosterRules } from './types';

/** Noon: the no-day-after-night rule forbids a shift starting before it on the morning a night shift ends. */
const NOON = 12 * 60;

/** A shift placed on a day: what the person-to-person rules need to know about one assignment. */
export interface PlacedShift {
  day: number;
  timing: ShiftTiming;
}

export const startOf = (s: PlacedShift): number => s.day * MINUTES_PER_DAY + s.timing.start;
export const endOf = (s: PlacedShift): number => startOf(s) + s.timing.length;

/**
 * How far after the start of `a` another shift can start and still clash with it through rest or
 * night-to-day: a sweep over a person's shifts sorted by start stops looking past this point.
 */
export function reachOf(a: PlacedShift, rules: RosterRules): number {
  const rest = endOf(a) + Math.max(0, rules.minRestHours) * 60;
  const morning = a.timing.overnight && rules.noDayAfterNight ? (a.day + 1) * MINUTES_PER_DAY + NOON : 0;
  return Math.max(rest, morning);
}

/**
 * The rules broken by one person holding both shifts, where `a` starts no later than `b`. The one
 * definition shared by the checker and the generator, so the generator can never disagree with the checker.
 * Overlap is double booking and not also a rest problem (there is no gap to measure); night-to-day is its
 * own rule and is reported alongside rest, since the user may relax either.
 */
export function pairRules(a: PlacedShift, b: PlacedShift, rules: RosterRules): RosterRule[] {
  const broken: RosterRule[] = [];
  const gap = startOf(b) - endOf(a);
  if (gap < 0) broken.push('doubleBooking');
  else if (gap < rules.minRestHours * 60) broken.push('rest');
  if (rules.noDayAfterNight && a.timing.overnight && b.day === a.day + 1 && b.timing.start < NOON) broken.push('nightToDay');
  return broken;
}

/** The same, for two shifts in either order. */
export function pairRulesAnyOrder(a: PlacedShift, b: PlacedShift, rules: RosterRules): RosterRule[] {
  return startOf(a) <= startOf(b) ? pairRules(a, b, rules) : pairRules(b, a, rules);
}

/** Whether a shift touches a leave period: a shift starting the day before leave and running into it counts. */
export function touchesLeave(s: PlacedShift, leaveFrom: number, leaveTo: number): boolean {
  return startOf(s) < (leaveTo + 1) * MINUTES_PER_DAY && endOf(s) > leaveFrom * MINUTES_PER_DAY;
}
