import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';

/**
 * Turns a react-hook-form error into words. The shared zod schemas say 'required' or 'unknown time zone'
 * (stable tokens, not prose) and zod's own size messages are English, so the known ones are translated
 * here; a core message (already a sentence) is shown as it came.
 */
export function useErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation('shell');
  return useCallback(
    (error) => {
      if (!error) return undefined;
      if (error.message === 'required' || (error.type === 'too_small' && !error.message)) return t('errors.required');
      if (error.message === 'unknown time zone') return t('errors.unknownTimeZone');
      if (error.type === 'too_big') return t('errors.tooLong');
      return error.message || t('errors.unknown');
    },
    [t],
  );
}
