import { localDay } from '../zonedTime';

/**
 * The month ("YYYY-MM") an instant falls in on the delegation's wall clock, not the laptop's: at 01:00 on
 * the 1st in UTC+3 it is already the new month there, although UTC is still on the last day of the old one.
 */
export function currentMonthIn(now: Date, timeZone: string): string {
  return localDay(now, timeZone).slice(0, 7);
}
