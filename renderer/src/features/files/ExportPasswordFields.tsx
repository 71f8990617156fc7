import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Field, TextInput } from '../../components';
import { assessPassphrase } from '../../../../shared/domain/passphrase';

export interface ExportPasswordState {
  enabled: boolean;
  password: string;
  confirm: string;
}

const STRENGTH = ['veryWeak', 'veryWeak', 'weak', 'good', 'strong'] as const;

/**
 * "Protect with a password": the export becomes an AES-256 ZIP that 7-Zip opens. The strength hint uses
 * the same estimator as the vault passphrase; only the length (8) is enforced, because the receiver
 * must be able to type it, but a guessable password is said to be one.
 */
export function ExportPasswordFields({ value, error, onChange }: { value: ExportPasswordState; error: string | null; onChange(next: ExportPasswordState): void }) {
  const { t } = useTranslation('files');
  const strength = useMemo(() => (value.password ? STRENGTH[assessPassphrase(value.password).score] : null), [value.password]);
  return (
    <div className="save-picker__password">
      <Checkbox
        label={t('password.protect')}
        hint={t('password.protectHint')}
        checked={value.enabled}
        onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
      />
      {value.enabled && (
        <div className="save-picker__password-fields">
          <Field label={t('password.password')} hint={strength ? t(`password.strength.${strength}`) : t('password.rule')} error={error ?? undefined} required>
            <TextInput type="password" autoComplete="new-password" dir="ltr" value={value.password} onChange={(event) => onChange({ ...value, password: event.target.value })} />
          </Field>
          <Field label={t('password.confirm')} required>
            <TextInput type="password" autoComplete="new-password" dir="ltr" value={value.confirm} onChange={(event) => onChange({ ...value, confirm: event.target.value })} />
          </Field>
        </div>
      )}
    </div>
  );
}
