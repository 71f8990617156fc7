import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../../lib/queries';

export function useMsrList() {
  return useVigilQuery('msr.list', {});
}

/** A percentage in the user's language ("72,5 %" in French, Arabic-Indic digits in Arabic); "—" when nothing counts. */
export function usePercent(): (value: number | null) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (value: number | null) =>
      value === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100),
    [i18n.language],
  );
}
