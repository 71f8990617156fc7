import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from '../../app/formErrors';

const KEYS = ['zeroHourShift', 'leaveEndsBeforeStart', 'neededAtLeastOne', 'noShifts', 'replacedByRequired', 'date', 'time', 'month'];

/** Field errors: this module's tokens in words, the rest through the shell's shared wording. */
export function useRosterErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation('rosters');
  const shared = useErrorText();
  return useCallback((error) => (error?.message && KEYS.includes(error.message) ? t(`errors.${error.message}`) : shared(error)), [t, shared]);
}

/** The current month ("YYYY-MM") and today, in the browser's clock; the grid lets the user move from there. */
export const thisMonth = (): string => new Date().toISOString().slice(0, 7);
export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
