import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { AppError } from '../../../../shared/envelope';
import { Badge, Button, Field, Progress, TextInput } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { errorText } from '../notify';
import { LanguagePicker } from './LanguagePicker';
import { VaultFrame } from './VaultFrame';
import { formatWait, useRetryCountdown } from './useRetryCountdown';

/** Core's lockout answer carries when the next attempt is allowed. */
function retryAtOf(err: unknown): string | null {
  const details = err instanceof AppError ? (err.details as { retryAt?: unknown } | undefined) : undefined;
  return typeof details?.retryAt === 'string' ? details.retryAt : null;
}

export function Unlock({ status }: { status: VaultStatus }) {
  const { t, i18n } = useTranslation('shell');
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<{ text: string; attempt: number } | null>(null);
  const [retryAt, setRetryAt] = useState<string | null>(status.unlockRetryAt ?? null);
  const wait = useRetryCountdown(retryAt);

  const unlock = useVigilMutation('vault.unlock', {
    onSuccess: (next: VaultStatus) => queryClient.setQueryData(['vault.status', {}], next),
    // A wrong passphrase is said where the user is looking, not in a corner toast.
    onError: (err) => {
      setPassphrase('');
      const nextRetryAt = retryAtOf(err);
      setRetryAt(nextRetryAt);
      // During a lockout the countdown says it all; core's English sentence would repeat it.
      setFailure((prev) => (nextRetryAt ? null : { text: errorText(err).text, attempt: (prev?.attempt ?? 0) + 1 }));
      return true;
    },
  });

  // The field is disabled while the KDF runs; focus it again once it is enabled after a failure.
  useEffect(() => {
    if ((failure || wait === 0) && !unlock.isPending) inputRef.current?.focus();
  }, [failure, unlock.isPending, wait]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase || wait > 0) {
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
          {wait > 0 && (
            <p className="vault-unlock__wait" role="status" data-testid="unlock-wait">
              {t('vault.unlock.wait', { time: formatWait(wait, i18n.language) })}
              <span className="vault-unlock__wait-hint">{t('vault.unlock.waitHint')}</span>
            </p>
          )}
          {unlock.isPending ? (
            <Progress label={t('vault.unlock.unlocking')} />
          ) : (
            <Button type="submit" variant="primary" className="vault-unlock__submit" disabled={wait > 0}>
              {t('vault.unlock.submit')}
            </Button>
          )}
        </fieldset>
      </form>
    </VaultFrame>
  );
}
