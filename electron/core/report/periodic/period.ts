import { localDay, zonedToUtc } from '../../../../shared/domain/zonedTime';

export type ReportKind = 'weekly' | 'quarterly';

/** A report period: its id (`2026-W47`, `2026-Q3`), local first and last days, and UTC [start, end). */
export interface ReportPeriod {
  kind: ReportKind;
  id: string;
  /** First local day, `YYYY-MM-DD` (inclusive). */
  firstDay: string;
  /** Last local day, `YYYY-MM-DD` (inclusive). */
  lastDay: string;
  /** UTC instant of the first day's local midnight. */
  start: string;
  /** UTC instant of the local midnight after the last day (exclusive). */
  end: string;
  timeZone: string;
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** Calendar arithmetic on dates only: a UTC Date stands for a calendar day, never for an instant. */
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const fmt = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const parseDay = (s: string) => day(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));

/** Monday of ISO week 1 of an ISO year (the week holding 4 January). */
function isoWeekOneMonday(year: number): Date {
  const jan4 = day(year, 1, 4);
  const dow = (jan4.getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return addDays(jan4, -dow);
}

/** How many ISO weeks a year has (52 or 53). */
export function isoWeeksInYear(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * 86_400_000));
}

/** The ISO week (`YYYY-Www`) a calendar day belongs to. */
export function isoWeekOf(dayIso: string): string {
  const d = parseDay(dayIso);
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = addDays(d, 3 - dow);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOneMonday(year).getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${pad(week)}`;
}

export function quarterOf(dayIso: string): string {
  return `${dayIso.slice(0, 4)}-Q${Math.floor((Number(dayIso.slice(5, 7)) - 1) / 3) + 1}`;
}

export class PeriodError extends Error {}

function bounds(kind: ReportKind, id: string, firstDay: string, lastDay: string, timeZone: string): ReportPeriod {
  const after = fmt(addDays(parseDay(lastDay), 1));
  return { kind, id, firstDay, lastDay, start: zonedToUtc(`${firstDay}T00:00`, timeZone), end: zonedToUtc(`${after}T00:00`, timeZone), timeZone };
}

/** Parses `YYYY-Www` (weekly) or `YYYY-Qn` (quarterly); a malformed or impossible id throws PeriodError. */
export function parsePeriod(kind: ReportKind, id: string, timeZone: string): ReportPeriod {
  if (kind === 'weekly') {
    const m = WEEK_RE.exec(id);
    if (!m) throw new PeriodError(`"${id}" is not an ISO week: use YYYY-Www, for example 2026-W05.`);
    const year = Number(m[1]);
    const week = Number(m[2]);
    const max = isoWeeksInYear(year);
    if (week < 1 || week > max) throw new PeriodError(`${year} has ${max} ISO weeks: week ${week} does not exist.`);
    const monday = addDays(isoWeekOneMonday(year), (week - 1) * 7);
    return bounds(kind, id, fmt(monday), fmt(addDays(monday, 6)), timeZone);
  }
  const m = QUARTER_RE.exec(id);
  if (!m) throw new PeriodError(`"${id}" is not a quarter: use YYYY-Qn, for example 2026-Q3.`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const first = day(year, (q - 1) * 3 + 1, 1);
  const last = addDays(day(q === 4 ? year + 1 : year, q === 4 ? 1 : q * 3 + 1, 1), -1);
  return bounds(kind, id, fmt(first), fmt(last), timeZone);
}

/** The last complete period before `now` in the delegation time zone (last week, last quarter). */
export function lastCompletePeriod(kind: ReportKind, now: Date, timeZone: string): ReportPeriod {
  const today = localDay(now, timeZone);
  if (kind === 'weekly') return parsePeriod(kind, isoWeekOf(fmt(addDays(parseDay(today), -7))), timeZone);
  const current = parsePeriod(kind, quarterOf(today), timeZone);
  return parsePeriod(kind, quarterOf(fmt(addDays(parseDay(current.firstDay), -1))), timeZone);
}

/** Recent periods for a picker, newest first, starting with the last complete one. */
export function recentPeriods(kind: ReportKind, now: Date, timeZone: string, count: number): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let p = lastCompletePeriod(kind, now, timeZone);
  for (let i = 0; i < count; i++) {
    out.push(p);
    const before = fmt(addDays(parseDay(p.firstDay), -1));
    p = parsePeriod(kind, kind === 'weekly' ? isoWeekOf(before) : quarterOf(before), timeZone);
  }
  return out;
}

/** Every local day of a period (for per-day charts). */
export function daysOf(period: ReportPeriod): string[] {
  const out: string[] = [];
  for (let d = parseDay(period.firstDay); fmt(d) <= period.lastDay; d = addDays(d, 1)) out.push(fmt(d));
  return out;
}
