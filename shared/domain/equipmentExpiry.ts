/**
 * Equipment reminders on calendar dates (YYYY-MM-DD in the delegation time zone): a date before today is
 * overdue; a date from today to today + 30 days is due; the earlier of expiry and next check decides.
 */
export const EXPIRY_STATUSES = ['ok', 'due', 'overdue'] as const;
export type ExpiryStatus = (typeof EXPIRY_STATUSES)[number];
export const DUE_WINDOW_DAYS = 30;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** Today's date in an IANA time zone. */
export function todayIn(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function nextDeadline(expiry: string | null, nextCheck: string | null): string | null {
  if (expiry && nextCheck) return expiry < nextCheck ? expiry : nextCheck;
  return expiry ?? nextCheck;
}

export function expiryStatus(expiry: string | null, nextCheck: string | null, today: string): ExpiryStatus {
  const deadline = nextDeadline(expiry, nextCheck);
  if (!deadline) return 'ok';
  if (deadline < today) return 'overdue';
  if (deadline <= addDays(today, DUE_WINDOW_DAYS)) return 'due';
  return 'ok';
}
