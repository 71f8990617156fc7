import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SettingsUpdateSchema, type Settings } from '../../../../shared/contract/settings';
import { Button, Field, Select, Spinner, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { useErrorText } from '../../app/formErrors';
import { i18n, setLanguage } from '../../app/i18n';
import { notify } from '../../app/notify';
import { languageOptions } from '../../app/languageOptions';
import { timeZoneOptions } from '../../app/timeZones';

type GeneralForm = z.input<typeof SettingsUpdateSchema>;
const FIELDS = ['delegationName', 'officerName', 'organisationName', 'timeZone', 'language'] as const;

const toForm = (s: Settings): GeneralForm => ({
  delegationName: s.delegationName,
  officerName: s.officerName,
  organisationName: s.organisationName,
  timeZone: s.timeZone,
  language: s.language,
});

/** Settings › General: who the vault belongs to, its clock and its language. */
export function GeneralSettingsPanel() {
  const { t } = useTranslation('shell');
  const settings = useVigilQuery('settings.get', {});
  if (!settings.data) return <Spinner label={t('common.loading')} size="sm" />;
  return <GeneralSettingsForm settings={settings.data} />;
}

function GeneralSettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation('shell');
  const errorText = useErrorText();
  const { register, handleSubmit, reset, setError, formState } = useForm<GeneralForm, unknown, z.output<typeof SettingsUpdateSchema>>({
    resolver: zodResolver(SettingsUpdateSchema),
    // A change made elsewhere (another window, the CLI) shows up here without wiping what is being typed.
    values: toForm(settings),
    resetOptions: { keepDirtyValues: true },
  });
  const update = useVigilMutation('settings.update', {
    onSuccess: (saved) => {
      reset(toForm(saved));
      setLanguage(saved.language);
      // Said in the language just chosen, not the one being left.
      notify.success(i18n.t('shell:settings.general.saved', { lng: saved.language }));
    },
    onError: applyServerIssues(setError),
  });

  // Only what changed is sent, so the audit trail records the change and not a rewrite of every field.
  const onSubmit = handleSubmit((values) => {
    const changed = Object.fromEntries(FIELDS.filter((f) => formState.dirtyFields[f]).map((f) => [f, values[f]]));
    update.mutate(changed);
  });
  const errors = formState.errors;

  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <fieldset className="settings-form__fields" disabled={update.isPending}>
        <Field label={t('settings.general.delegationName')} error={errorText(errors.delegationName)} required>
          <TextInput {...register('delegationName')} />
        </Field>
        <Field label={t('settings.general.officerName')} hint={t('settings.general.officerNameHint')} error={errorText(errors.officerName)} required>
          <TextInput {...register('officerName')} />
        </Field>
        <Field label={t('settings.general.organisationName')} hint={t('settings.general.organisationNameHint')} error={errorText(errors.organisationName)}>
          <TextInput {...register('organisationName')} />
        </Field>
        <Field label={t('settings.general.timeZone')} hint={t('settings.general.timeZoneHint')} error={errorText(errors.timeZone)} required>
          <Select options={timeZoneOptions(settings.timeZone)} {...register('timeZone')} />
        </Field>
        <Field label={t('settings.general.language')} error={errorText(errors.language)}>
          <Select {...register('language')}>
            {languageOptions.map((o) => (
              <option key={o.value} value={o.value} lang={o.lang}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        {errors.root?.server && (
          <p className="v-field__error" role="alert">
            {errors.root.server.message}
          </p>
        )}
      </fieldset>
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" busy={update.isPending} disabled={!formState.isDirty}>
          {t('settings.general.save')}
        </Button>
      </div>
    </form>
  );
}
