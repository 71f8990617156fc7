import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vigil } from '../../lib/vigil';
import type { ExportPasswordState } from './ExportPasswordFields';

/**
 * The "protect with a password" choice of a save dialog. `arm(target)` checks the password and, when
 * protection is on, hands it to the core for that one export (the core then writes `<target>.zip`).
 * Resolves whether the export is protected, or null when the password is refused (the error is shown).
 */
export function useExportPassword() {
  const { t } = useTranslation('files');
  const [value, setValue] = useState<ExportPasswordState>({ enabled: false, password: '', confirm: '' });
  const [error, setError] = useState<string | null>(null);
  const [arming, setArming] = useState(false);

  const arm = async (target: string): Promise<boolean | null> => {
    if (!value.enabled) return false;
    if (value.password.length < 8) return (setError(t('password.tooShort')), null);
    if (value.password !== value.confirm) return (setError(t('password.mismatch')), null);
    setArming(true);
    try {
      await vigil.call('files.protectExport', { path: target, password: value.password });
      return true;
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setArming(false);
    }
  };

  const onChange = (next: ExportPasswordState) => {
    setValue(next);
    setError(null);
  };

  return { value, error, arming, arm, onChange };
}
