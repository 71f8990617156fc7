import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../../lib/queries';

/** The vault's matrix, categories and review interval. */
export function useRiskConfig() {
  return useVigilQuery('risks.config', {});
}

/** A calendar date (YYYY-MM-DD) in the user's language; it is a date, not an instant, so no time-zone shift. */
export function useCalendarDate(): (date: string) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (date: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)),
    [i18n.language],
  );
}
