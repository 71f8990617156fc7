/**
 * Partial dates (INTERFACES.md "Data conventions"): `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a UTC instant
 * ending in Z. A partial date is never completed with an invented day; it spans every day it names.
 */
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?Z)?)?)?$/;

export type DatePrecision = 'year' | 'month' | 'day' | 'time';

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isPartialDate(value: string): boolean {
  const m = PARTIAL.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return false;
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return false;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return false;
    }
  }
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  return true;
}

export function datePrecisionOf(value: string): DatePrecision {
  if (value.length === 4) return 'year';
  if (value.length === 7) return 'month';
  if (value.length === 10) return 'day';
  return 'time';
}

/** First and last calendar day (`YYYY-MM-DD`) a partial date covers: what period filters compare with. */
export function dateSpan(value: string): { start: string; end: string } {
  const year = value.slice(0, 4);
  if (value.length === 4) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const month = value.slice(5, 7);
  if (value.length === 7) {
    const last = daysInMonth(Number(year), Number(month));
    return { start: `${year}-${month}-01`, end: `${year}-${month}-${String(last).padStart(2, '0')}` };
  }
  const day = value.slice(0, 10);
  return { start: day, end: day };
}
