import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from '../../app/formErrors';

/**
 * The core's area-specific message keys ('levelBelowParent', 'parentRequired'...) in the user's language;
 * everything else ('required', sizes) as the shell words it. Each feature translates its own keys.
 */
export function useAreasErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t, i18n } = useTranslation('areas');
  const shellText = useErrorText();
  return useCallback(
    (error) => {
      if (error?.message && i18n.exists(`areas:validation.${error.message}`)) return t(`validation.${error.message}`);
      return shellText(error);
    },
    [t, i18n, shellText],
  );
}
