import { addDays } from './equipmentExpiry';
import { localDay, zonedToUtc } from './zonedTime';

/**
 * Daily radio roll-call. Set times (HH:MM, delegation time zone) at which every call sign is checked.
 * A set time is "missed" once it is more than ROLL_CALL_GRACE_MINUTES past and some call sign of the list
 * still has no answer recorded for it (present, no answer or relayed all count as checked: the officer
 * tried). Only the last 24 hours are looked at, so yesterday's evening check still shows next morning.
 */
export const ROLL_CALL_STATUSES = ['present', 'no_answer', 'relayed'] as const;
export type RollCallStatus = (typeof ROLL_CALL_STATUSES)[number];
export const DEFAULT_ROLL_CALL_TIMES = ['08:00', '20:00'] as const;
/** Time allowed to go round every call sign before a set time counts as missed. */
export const ROLL_CALL_GRACE_MINUTES = 30;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: string): boolean => HHMM.test(value);

/** Sorted, de-duplicated set times. */
export function normaliseTimes(times: readonly string[]): string[] {
  return [...new Set(times.filter(isClockTime))].sort();
}

export interface SlotRef {
  day: string;
  slot: string;
  /** The UTC instant of the set time. */
  at: string;
}

/** The set times of yesterday and today (local days) that are already past `graceMinutes` ago, newest first. */
export function pastSlots(times: readonly string[], now: Date, timeZone: string, graceMinutes = ROLL_CALL_GRACE_MINUTES): SlotRef[] {
  const today = localDay(now, timeZone);
  const out: SlotRef[] = [];
  for (const day of [addDays(today, -1), today]) {
    for (const slot of normaliseTimes(times)) {
      const at = zonedToUtc(`${day}T${slot}`, timeZone);
      const age = now.getTime() - new Date(at).getTime();
      if (age > graceMinutes * 60_000 && age <= 24 * 3_600_000) out.push({ day, slot, at });
    }
  }
  return out.reverse();
}

/** The slot to show when the roll-call screen opens: the latest set time already reached today, else today's first. */
export function currentSlot(times: readonly string[], now: Date, timeZone: string): { day: string; slot: string } | null {
  const list = normaliseTimes(times);
  if (list.length === 0) return null;
  const today = localDay(now, timeZone);
  const reached = list.filter((slot) => new Date(zonedToUtc(`${today}T${slot}`, timeZone)).getTime() <= now.getTime());
  return { day: today, slot: reached.at(-1) ?? list[0]! };
}

export interface MissedSlot extends SlotRef {
  unchecked: string[];
}

/** Set times in the last 24 hours with call signs nobody recorded an answer for. */
export function missedSlots(
  times: readonly string[],
  callSigns: readonly string[],
  checked: ReadonlyArray<{ day: string; slot: string; callSign: string }>,
  now: Date,
  timeZone: string,
): MissedSlot[] {
  if (callSigns.length === 0) return [];
  const done = new Set(checked.map((c) => `${c.day}|${c.slot}|${c.callSign.toLowerCase()}`));
  return pastSlots(times, now, timeZone)
    .map((s) => ({ ...s, unchecked: callSigns.filter((cs) => !done.has(`${s.day}|${s.slot}|${cs.toLowerCase()}`)) }))
    .filter((s) => s.unchecked.length > 0);
}
