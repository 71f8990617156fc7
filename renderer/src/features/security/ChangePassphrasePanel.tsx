import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { assessPassphrase } from '../../../../shared/domain/passphrase';
import { Button, Field, TextInput } from '../../components';
import { serverIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { notify } from '../../app/notify';
import { PassphraseMeter } from '../../app/vault/PassphraseMeter';

/** Settings › Change passphrase: the data key is re-wrapped; the data itself is not touched. */
export function ChangePassphrasePanel() {
  const { t } = useTranslation('security');
  const settings = useVigilQuery('settings.get', {});
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const strength = useMemo(
    () => (next ? assessPassphrase(next, [settings.data?.delegationName ?? '', settings.data?.officerName ?? '']) : null),
    [next, settings.data],
  );
  const mismatch = again !== '' && again !== next;
  const ready = current !== '' && Boolean(strength?.acceptable) && again === next;

  const change = useVigilMutation('vault.changePassphrase', {
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setAgain('');
      setCurrentError(null);
      notify.success(t('passphrase.changed'));
    },
    onError: (err) => {
      const issue = serverIssues(err).find((i) => i.path === 'currentPassphrase');
      if (!issue) return false;
      setCurrent('');
      setCurrentError(issue.message.includes('wait') ? t('passphrase.wait') : t('passphrase.wrongCurrent'));
      return true;
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) change.mutate({ currentPassphrase: current, newPassphrase: next });
  };

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <p className="security-panel__intro">{t('passphrase.intro')}</p>
      <fieldset className="settings-form__fields security-fields" disabled={change.isPending}>
        <Field label={t('passphrase.current')} error={currentError ?? undefined} required>
          <TextInput type="password" autoComplete="current-password" spellCheck={false} value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t('passphrase.new')} required>
          <TextInput
            type="password"
            autoComplete="new-password"
            spellCheck={false}
            aria-describedby="security-passphrase-meter"
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </Field>
        <PassphraseMeter id="security-passphrase-meter" strength={strength} />
        <Field label={t('passphrase.again')} error={mismatch ? t('passphrase.mismatch') : undefined} required>
          <TextInput type="password" autoComplete="new-password" spellCheck={false} value={again} onChange={(e) => setAgain(e.target.value)} />
        </Field>
      </fieldset>
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" busy={change.isPending} disabled={!ready}>
          {t('passphrase.submit')}
        </Button>
      </div>
    </form>
  );
}
