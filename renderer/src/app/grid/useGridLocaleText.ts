import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * AG Grid's own words (filter operators, "Loading…", screen-reader hints) in the user's language. AG Grid
 * falls back to English for any key missing here.
 */
export function useGridLocaleText(): Record<string, string> {
  // t is rebound when the language changes, so the memo follows the language.
  const { t } = useTranslation('shell');
  return useMemo(() => {
    const text = t('agGrid', { returnObjects: true });
    return typeof text === 'object' && text !== null ? (text as Record<string, string>) : {};
  }, [t]);
}
