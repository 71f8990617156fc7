import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { Badge, Button, Field, Progress, TextInput } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { errorText } from '../notify';
import { LanguagePicker } from './LanguagePicker';
import { VaultFrame } from './VaultFrame';

export function Unlock({ status }: { status: VaultStatus }) {
  const { t } = useTranslation('shell');
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);

  const unlock = useVigilMutation('vault.unlock', {
    onSuccess: (next: VaultStatus) => queryClient.setQueryData(['vault.status', {}], next),
    // A wrong passphrase is said where the user is looking, not in a corner toast.
    onError: (err) => {
      setPassphrase('');
      setFailure((prev) => ({ text: errorText(err).text, attempt: (prev?.attempt ?? 0) + 1 }));
      return true;
    },
  });

  // The field is disabled while the KDF runs; focus it again once it is enabled after a failure.
  useEffect(() => {
    if (failure && !unlock.isPending) inputRef.current?.focus();
  }, [failure, unlock.isPending]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      inputRef.current?.focus();
      return;
    }
    unlock.mutate({ passphrase });
  };

  return (
    <VaultFrame aside={<LanguagePicker />}>
      <h1 className="vault-card__title">{t('vault.unlock.title')}</h1>
      <p className="vault-card__intro">
        {status.delegationName ? t('vault.unlock.vaultOf', { name: status.delegationName }) : t('vault.unlock.intro')}
      </p>
      {status.isDemo && (
        <p className="vault-card__demo">
          <Badge colour="var(--v-demo-bg)" ink="var(--v-demo-ink)">
            {t('demo.badge')}
          </Badge>{' '}
          {t('vault.unlock.demoNote')}
        </p>
      )}
      <form onSubmit={onSubmit} className="vault-unlock" noValidate>
        <fieldset className="vault-form" disabled={unlock.isPending}>
          <Field label={t('vault.unlock.passphrase')} error={
              failure ? (
                <span role="alert" dir="auto">
                  {failure.text}
                </span>
              ) : undefined
            }>
            <TextInput
              ref={inputRef}
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              autoFocus
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
          {unlock.isPending ? (
            <Progress label={t('vault.unlock.unlocking')} />
          ) : (
            <Button type="submit" variant="primary" className="vault-unlock__submit">
              {t('vault.unlock.submit')}
            </Button>
          )}
        </fieldset>
      </form>
    </VaultFrame>
  );
}
