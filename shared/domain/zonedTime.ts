import { TZDate, tzOffset } from '@date-fns/tz';

/**
 * Calendar days and wall-clock times in the delegation time zone, through @date-fns/tz (which reads the
 * runtime's time zone database): times are stored as UTC instants and a day is always a local day.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function inZone(instant: Date | string, timeZone: string): TZDate {
  return new TZDate(typeof instant === 'string' ? new Date(instant).getTime() : instant.getTime(), timeZone);
}

/** The local calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function localDay(instant: Date | string, timeZone: string): string {
  const d = inZone(instant, timeZone);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The zone's offset from UTC in minutes at an instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return tzOffset(timeZone, instant);
}

/**
 * A local wall-clock time ("YYYY-MM-DDTHH:mm") in a zone, as a UTC ISO instant. A time skipped by a
 * daylight-saving jump moves forward, as a wall clock does.
 */
export function zonedToUtc(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) throw new Error(`not a local time: ${local}`);
  const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), timeZone);
  return new Date(d.getTime()).toISOString();
}

/** A UTC instant as local wall-clock time ("YYYY-MM-DDTHH:mm") in a zone, for a datetime-local input. */
export function utcToZoned(instant: string, timeZone: string): string {
  const d = inZone(instant, timeZone);
  return `${localDay(instant, timeZone)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
