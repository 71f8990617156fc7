import { addDays } from './equipmentExpiry';
import { localDay } from './zonedTime';

export type TrainingFlagState = 'missing' | 'expired' | 'expiring';

interface PersonLike {
  arrivalAt: string | null;
  departureAt: string | null;
  status: 'expected' | 'in_country' | 'out_of_country' | 'left';
}

/**
 * Present today: arrived on or before today (local day), not yet departed, and neither left nor out of
 * the country.
 */
export function isInCountry(p: PersonLike, now: Date, timeZone: string): boolean {
  if (p.status === 'left' || p.status === 'out_of_country' || !p.arrivalAt) return false;
  if (localDay(p.arrivalAt, timeZone) > localDay(now, timeZone)) return false;
  return !p.departureAt || new Date(p.departureAt).getTime() > now.getTime();
}

/** Arrived more than `graceHours` ago, still here, and never briefed. */
export function isNotBriefed(p: PersonLike, briefingCount: number, now: Date, graceHours: number): boolean {
  if (briefingCount > 0 || !p.arrivalAt || p.status === 'left' || p.status === 'out_of_country') return false;
  if (p.departureAt && new Date(p.departureAt).getTime() <= now.getTime()) return false;
  return now.getTime() - new Date(p.arrivalAt).getTime() > graceHours * 3_600_000;
}

/**
 * Required courses never taken are missing; every course's best (latest-expiring) record is expired
 * before today, expiring from today to today + dueDays, otherwise fine. Dates are local calendar dates.
 */
export function trainingFlags<C extends string>(
  held: ReadonlyArray<{ course: C; expiresOn: string | null }>,
  required: readonly C[],
  today: string,
  dueDays: number,
): Array<{ course: C; state: TrainingFlagState; expiresOn: string | null }> {
  const best = new Map<C, string | null>();
  for (const t of held) {
    if (!best.has(t.course)) best.set(t.course, t.expiresOn);
    else {
      const current = best.get(t.course) ?? null;
      if (current !== null && (t.expiresOn === null || t.expiresOn > current)) best.set(t.course, t.expiresOn);
    }
  }
  const flags: Array<{ course: C; state: TrainingFlagState; expiresOn: string | null }> = [];
  for (const course of required) if (!best.has(course)) flags.push({ course, state: 'missing', expiresOn: null });
  const horizon = addDays(today, dueDays);
  for (const [course, expiresOn] of best) {
    if (expiresOn === null) continue;
    if (expiresOn < today) flags.push({ course, state: 'expired', expiresOn });
    else if (expiresOn <= horizon) flags.push({ course, state: 'expiring', expiresOn });
  }
  return flags;
}

/** The local day `months` calendar months before `today` (clamped to the month's last day). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
