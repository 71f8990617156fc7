import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from '../../app/formErrors';
import { useVigilQuery } from '../../lib/queries';

/** A calendar day (YYYY-MM-DD) in the user's language; read as UTC so it never shifts by a day. */
export function useDayFormat(): (day: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    return (day: string) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? day : format.format(date);
    };
  }, [i18n.language]);
}

export function useNumberFormat(): (n: number) => string {
  const { i18n } = useTranslation();
  return useCallback((n: number) => n.toLocaleString(i18n.language), [i18n.language]);
}

/** Today as YYYY-MM-DD in the local calendar, the default date of a new interaction. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Every organisation, sorted by name, for selects (a delegation knows dozens, not thousands). */
export function useOrganisations() {
  return useVigilQuery('organisations.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'name', sort: 'asc' }] });
}

/**
 * The contacts schema's own message keys ('invalidPhone', 'invalidEmail', 'selfLink'...) in the user's
 * language; everything else ('required', sizes) as the shell words it.
 */
export function useContactsErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t, i18n } = useTranslation('contacts');
  const shellText = useErrorText();
  return useCallback(
    (error) => {
      if (error?.message && i18n.exists(`contacts:validation.${error.message}`)) return t(`validation.${error.message}`);
      return shellText(error);
    },
    [t, i18n, shellText],
  );
}
