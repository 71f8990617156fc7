import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Checkbox, Field, Spinner, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { RulesSchema } from '../../../../shared/contract/rosters';
import { useRosterErrorText } from './hooks';

type RulesForm = z.input<typeof RulesSchema>;

/** The rules the checker and the generator apply; one set for the delegation. */
export function RulesView() {
  const { t } = useTranslation('rosters');
  const errorText = useRosterErrorText();
  const rules = useVigilQuery('rosters.rules.get', {}).data;
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty },
  } = useForm<RulesForm, unknown, z.output<typeof RulesSchema>>({ resolver: zodResolver(RulesSchema) });
  useEffect(() => {
    if (rules) reset(rules);
  }, [rules, reset]);
  const save = useVigilMutation('rosters.rules.update', { successMessageKey: 'rosters:rules.saved', onError: applyServerIssues(setError) });
  if (!rules) return <Spinner label={t('loading')} />;
  return (
    <form className="ros-rules" onSubmit={handleSubmit((v) => save.mutate(v))} noValidate>
      <Field label={t('rules.maxShiftsPerWeekLabel')} error={errorText(errors.maxShiftsPerWeek)}>
        <TextInput type="number" min={1} max={14} {...register('maxShiftsPerWeek', { valueAsNumber: true })} />
      </Field>
      <Field label={t('rules.minRestHoursLabel')} error={errorText(errors.minRestHours)}>
        <TextInput type="number" min={0} max={48} {...register('minRestHours', { valueAsNumber: true })} />
      </Field>
      <Field label={t('rules.daysOffPerMonthLabel')} hint={t('rules.daysOffHint')} error={errorText(errors.daysOffPerMonth)}>
        <TextInput type="number" min={0} max={31} {...register('daysOffPerMonth', { valueAsNumber: true })} />
      </Field>
      <Checkbox label={t('rules.noDayAfterNightLabel')} {...register('noDayAfterNight')} />
      <Checkbox label={t('rules.fairnessLabel')} hint={t('rules.fairnessHint')} {...register('fairness')} />
      <div>
        <Button variant="primary" type="submit" busy={save.isPending} disabled={!isDirty}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
