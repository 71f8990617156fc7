import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ERASE_WORD } from '../../../../shared/contract/vault';
import { Button, Field, TextInput } from '../../components';
import { handleVaultLocked, useVigilMutation, useVigilQuery } from '../../lib/queries';

/** Settings › Danger zone: crypto-erase after the officer types ERASE or the delegation name. */
export function EraseVaultPanel() {
  const { t } = useTranslation('security');
  const queryClient = useQueryClient();
  const settings = useVigilQuery('settings.get', {});
  const [typed, setTyped] = useState('');
  const delegation = settings.data?.delegationName.trim() ?? '';
  const confirmed = typed.trim() === ERASE_WORD || (delegation !== '' && typed.trim() === delegation);
  const erase = useVigilMutation('vault.erase', {
    onSuccess: (status) => {
      handleVaultLocked();
      queryClient.setQueryData(['vault.status', {}], status);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (confirmed) erase.mutate({ confirmation: typed });
  };
  return (
    <form className="security-danger" onSubmit={onSubmit} noValidate>
      <h3 className="security-danger__title">{t('erase.heading')}</h3>
      <p>{t('erase.explain')}</p>
      <Field label={t('erase.confirmLabel', { word: ERASE_WORD, name: delegation })}>
        <TextInput autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      <Button type="submit" variant="danger" busy={erase.isPending} disabled={!confirmed}>
        {t('erase.submit')}
      </Button>
    </form>
  );
}
