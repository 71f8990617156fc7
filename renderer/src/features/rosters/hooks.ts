import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from '../../app/formErrors';
import { useVigilQuery } from '../../lib/queries';
import { currentMonthIn } from '../../../../shared/domain/roster/currentMonth';
import { localDay } from '../../../../shared/domain/zonedTime';

const KEYS = ['zeroHourShift', 'leaveEndsBeforeStart', 'neededAtLeastOne', 'noShifts', 'replacedByRequired', 'date', 'time', 'month'];

/** Field errors: this module's tokens in words, the rest through the shell's shared wording. */
export function useRosterErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation('rosters');
  const shared = useErrorText();
  return useCallback((error) => (error?.message && KEYS.includes(error.message) ? t(`errors.${error.message}`) : shared(error)), [t, shared]);
}

/**
 * The current month ("YYYY-MM") and today on the delegation's clock (settings.timeZone), as core reads
 * them, not the laptop's: an officer in UTC+3 at 01:00 on the 1st opens the new month. Undefined until the
 * settings have loaded; the grid and the presence screen let the user move from there.
 */
export function useDelegationToday(): { month: string; today: string } | undefined {
  const timeZone = useVigilQuery('settings.get', {}).data?.timeZone;
  if (!timeZone) return undefined;
  const now = new Date();
  return { month: currentMonthIn(now, timeZone), today: localDay(now, timeZone) };
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export const weekdayOf = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
