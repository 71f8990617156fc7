import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { VaultCreateInputSchema, type VaultStatus } from '../../../../shared/contract/vault';
import { assessPassphrase } from '../../../../shared/domain/passphrase';
import { Button, Checkbox, Field, Progress, Select, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation } from '../../lib/queries';
import { useErrorText } from '../formErrors';
import { i18n, isLanguage, setLanguage } from '../i18n';
import { languageOptions } from '../languageOptions';
import { browserTimeZone, timeZoneOptions } from '../timeZones';
import { PassphraseMeter } from './PassphraseMeter';
import { VaultFrame } from './VaultFrame';

// The contract's own rules for the vault fields, plus what only the form needs: the second typing and
// the acknowledgement. Strength is checked by the meter (and again by core), not here.
const FirstRunSchema = VaultCreateInputSchema.pick({ delegationName: true, officerName: true, timeZone: true, passphrase: true })
  .extend({
    language: VaultCreateInputSchema.shape.language.unwrap(),
    confirm: z.string(),
    understood: z.boolean().refine((v) => v, 'required'),
  })
  .refine((v) => v.confirm === v.passphrase, { path: ['confirm'], message: 'mismatch' });
type FirstRunForm = z.input<typeof FirstRunSchema>;

export function FirstRun() {
  const { t } = useTranslation('shell');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [reveal, setReveal] = useState(false);
  const initialLanguage = isLanguage(i18n.language) ? i18n.language : 'en';
  const { register, handleSubmit, control, setError, formState } = useForm<FirstRunForm, unknown, z.output<typeof FirstRunSchema>>({
    resolver: zodResolver(FirstRunSchema),
    defaultValues: {
      delegationName: '',
      officerName: '',
      timeZone: browserTimeZone(),
      language: initialLanguage,
      passphrase: '',
      confirm: '',
      understood: false,
    },
  });
  const [passphrase, confirm, understood, delegationName, officerName] = useWatch({
    control,
    name: ['passphrase', 'confirm', 'understood', 'delegationName', 'officerName'],
  });

  // The names typed above are the first words an attacker would try: the estimator counts them as guessable.
  const strength = useMemo(
    () => (passphrase ? assessPassphrase(passphrase, [delegationName ?? '', officerName ?? '']) : null),
    [passphrase, delegationName, officerName],
  );
  const mismatch = Boolean(confirm) && confirm !== passphrase;
  const ready = Boolean(strength?.acceptable) && !mismatch && confirm === passphrase && understood === true;

  const create = useVigilMutation('vault.create', {
    onSuccess: (status: VaultStatus) => queryClient.setQueryData(['vault.status', {}], status),
    onError: applyServerIssues(setError),
  });

  const submit = (demo: boolean) =>
    handleSubmit((values) =>
      create.mutate({
        delegationName: values.delegationName,
        officerName: values.officerName,
        timeZone: values.timeZone,
        language: values.language,
        passphrase: values.passphrase,
        demo,
      }),
    );

  const languageField = register('language', {
    // The screen speaks the chosen language at once, before the vault even exists.
    onChange: (event: { target: { value: string } }) => {
      if (isLanguage(event.target.value)) setLanguage(event.target.value);
    },
  });
  const errors = formState.errors;

  return (
    <VaultFrame wide>
      <h1 className="vault-card__title">{t('vault.firstRun.title')}</h1>
      <p className="vault-card__intro">{t('vault.firstRun.intro')}</p>
      <form onSubmit={submit(false)} noValidate>
        <fieldset className="vault-form" disabled={create.isPending}>
          <section className="vault-section" aria-labelledby="fr-about">
            <h2 className="vault-section__title" id="fr-about">
              {t('vault.firstRun.about')}
            </h2>
            <div className="vault-grid">
              <Field label={t('vault.firstRun.delegationName')} hint={t('vault.firstRun.delegationNameHint')} error={errorText(errors.delegationName)} required>
                <TextInput autoComplete="organization" autoFocus {...register('delegationName')} />
              </Field>
              <Field label={t('vault.firstRun.officerName')} hint={t('vault.firstRun.officerNameHint')} error={errorText(errors.officerName)} required>
                <TextInput autoComplete="name" {...register('officerName')} />
              </Field>
              <Field label={t('vault.firstRun.timeZone')} error={errorText(errors.timeZone)} required>
                <Select options={timeZoneOptions(browserTimeZone())} {...register('timeZone')} />
              </Field>
              <Field label={t('vault.firstRun.language')} error={errorText(errors.language)}>
                <Select {...languageField}>
                  {languageOptions.map((o) => (
                    <option key={o.value} value={o.value} lang={o.lang}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          </section>

          <section className="vault-section" aria-labelledby="fr-protect">
            <h2 className="vault-section__title" id="fr-protect">
              {t('vault.firstRun.protection')}
            </h2>
            <div className="vault-grid">
              <Field label={t('vault.firstRun.passphrase')} hint={t('vault.firstRun.passphraseHint')} error={errorText(errors.passphrase)} required>
                <TextInput type={reveal ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} aria-describedby="fr-meter" {...register('passphrase')} />
              </Field>
              <Field
                label={t('vault.firstRun.confirm')}
                error={mismatch ? t('vault.firstRun.mismatch') : errors.confirm ? t('vault.firstRun.mismatch') : undefined}
                required
              >
                <TextInput type={reveal ? 'text' : 'password'} autoComplete="new-password" spellCheck={false} {...register('confirm')} />
              </Field>
            </div>
            <PassphraseMeter id="fr-meter" strength={strength} />
            <Checkbox label={t('vault.firstRun.reveal')} checked={reveal} onChange={(e) => setReveal(e.target.checked)} />

            <div className="vault-warning" role="note" aria-labelledby="fr-warning">
              <h3 className="vault-warning__title" id="fr-warning">
                {t('vault.firstRun.warningTitle')}
              </h3>
              <p>{t('vault.firstRun.warningBody')}</p>
              <Checkbox label={t('vault.firstRun.understand')} {...register('understood')} />
            </div>
          </section>

          {create.isPending ? (
            <div className="vault-progress">
              <Progress label={t('vault.firstRun.creating')} />
            </div>
          ) : (
            <div className="vault-actions">
              <div className="vault-actions__main">
                <Button type="submit" variant="primary" disabled={!ready} aria-describedby={ready ? undefined : 'fr-not-ready'}>
                  {t('vault.firstRun.create')}
                </Button>
                {!ready && (
                  <p className="vault-actions__hint" id="fr-not-ready">
                    {t('vault.firstRun.notReady')}
                  </p>
                )}
              </div>
              <div className="vault-demo">
                <p className="vault-demo__title">{t('vault.firstRun.demoTitle')}</p>
                <p className="vault-demo__body">{t('vault.firstRun.demoBody')}</p>
                <Button variant="secondary" disabled={!ready} onClick={submit(true)}>
                  {t('vault.firstRun.createDemo')}
                </Button>
              </div>
            </div>
          )}
        </fieldset>
      </form>
    </VaultFrame>
  );
}
