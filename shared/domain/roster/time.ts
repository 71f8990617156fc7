/**
 * Calendar arithmetic for rosters without time zones: a day is a whole number (days since 1970-01-01) and a
 * moment is wall-clock minutes since then. Rosters are read on the wall clock, so a daylight-saving jump
 * is deliberately ignored here (a night shift is 12 hours on the roster whatever the clock did).
 */

export const MINUTES_PER_DAY = 1440;

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** "YYYY-MM-DD" as a day number, or undefined when it is not a real calendar day. */
export function dayNumber(day: string): number | undefined {
  const m = DAY_RE.exec(day);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a round trip tells a real day from a rolled-over one.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(ms / 86_400_000);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A day number back as "YYYY-MM-DD". */
export function dayString(n: number): string {
  const d = new Date(n * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The first day number and the length of a "YYYY-MM" month, or undefined when malformed. */
export function monthSpan(month: string): { first: number; days: number } | undefined {
  const m = MONTH_RE.exec(month);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return undefined;
  const first = Math.round(Date.UTC(y, mo - 1, 1) / 86_400_000);
  const next = Math.round(Date.UTC(y, mo, 1) / 86_400_000);
  return { first, days: next - first };
}

/** "HH:mm" (00:00 to 23:59) as minutes after midnight, or undefined. */
export function timeMinutes(time: string): number | undefined {
  const m = TIME_RE.exec(time);
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/** Monday = 0 ... Sunday = 6 (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The day number of the Monday that starts the ISO week of a day: a key for "the same week". */
export function isoWeekStart(day: number): number {
  return day - isoWeekday(day);
}

export function isWeekend(day: number): boolean {
  return isoWeekday(day) >= 5;
}

/** A shift's wall-clock shape: start minute and length, and whether it runs past midnight. */
export interface ShiftTiming {
  start: number;
  length: number;
  /** Ends after midnight on the next day: the "night shift" of the no-day-after-night rule. */
  overnight: boolean;
}

/**
 * Start and length of a shift. An end at or before the start ends the next day (types.ts), so equal times
 * would be 24 hours here; validateRosterInput reports them as a 0-hour shift because that is what a user
 * typing 07:00-07:00 almost always meant by mistake.
 */
export function shiftTiming(start: string, end: string): ShiftTiming | undefined {
  const s = timeMinutes(start);
  const e = timeMinutes(end);
  if (s === undefined || e === undefined) return undefined;
  const length = e > s ? e - s : e + MINUTES_PER_DAY - s;
  // A shift ending exactly at 00:00 does not reach into the next day's morning, so it is not a night shift.
  return { start: s, length, overnight: s + length > MINUTES_PER_DAY };
}
