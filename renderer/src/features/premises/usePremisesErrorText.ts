import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import { useErrorText } from '../../app/formErrors';

/**
 * The premises schema's own message keys ('latitudeRange', 'coordinatesPair', the core's 'unknownArea')
 * in the user's language; everything else ('required', sizes) as the shell words it.
 */
export function usePremisesErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t, i18n } = useTranslation('premises');
  const shellText = useErrorText();
  return useCallback(
    (error) => {
      if (error?.message && i18n.exists(`premises:validation.${error.message}`)) return t(`validation.${error.message}`);
      return shellText(error);
    },
    [t, i18n, shellText],
  );
}
