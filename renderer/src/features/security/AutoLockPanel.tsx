import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Field, Spinner, TextInput } from '../../components';
import { useVigilMutation, useVigilQuery } from '../../lib/queries';

const MIN = 1;
const MAX = 240;

/** Settings › Automatic lock: idle minutes before the vault locks itself (it cannot be switched off). */
export function AutoLockPanel() {
  const { t } = useTranslation('security');
  const settings = useVigilQuery('settings.get', {});
  if (!settings.data) return <Spinner label={t('autoLock.loading')} size="sm" />;
  return <AutoLockForm saved={settings.data.autoLockMinutes} />;
}

function AutoLockForm({ saved }: { saved: number }) {
  const { t } = useTranslation('security');
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(saved));
  const update = useVigilMutation('settings.update', {
    successMessageKey: 'security:autoLock.saved',
    onSuccess: (next) => queryClient.setQueryData(['settings.get', {}], next),
  });
  const minutes = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(minutes) && minutes >= MIN && minutes <= MAX;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) update.mutate({ autoLockMinutes: minutes });
  };
  return (
    <form className="security-panel" onSubmit={onSubmit} noValidate>
      <p className="security-panel__intro">{t('autoLock.intro')}</p>
      <Field label={t('autoLock.label')} hint={t('autoLock.hint', { min: MIN, max: MAX })} error={valid ? undefined : t('autoLock.invalid', { min: MIN, max: MAX })}>
        <TextInput
          className="security-minutes"
          type="number"
          inputMode="numeric"
          min={MIN}
          max={MAX}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <Button type="submit" variant="secondary" busy={update.isPending} disabled={!valid || minutes === saved}>
        {t('autoLock.save')}
      </Button>
    </form>
  );
}
