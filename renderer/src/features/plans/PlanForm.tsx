import { useId, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { PLAN_KINDS, PlanInputSchema, TESTED_PLAN_KINDS, type Plan, type PlanInput } from '../../../../shared/contract/plans';
import { usePlanErrorText } from './hooks';

interface PlanFormProps {
  /** null: a new plan. */
  record: Plan | null;
  onClose(): void;
}

const nullableText = (value: unknown) => (value === '' || value == null ? null : String(value));

const toFormValues = (p: Plan | null): PlanInput => ({
  kind: p?.kind ?? 'riskRegister',
  title: p?.title ?? '',
  owner: p?.owner ?? '',
  reviewDue: p?.reviewDue ?? null,
  testedOn: p?.testedOn ?? null,
  notes: p?.notes ?? '',
  msrItemIds: p?.msrItems.map((i) => i.id) ?? [],
});

/** Create or edit a plan's description with the contract's own schema; the core checks dates and links. */
export function PlanForm({ record, onClose }: PlanFormProps) {
  const { t } = useTranslation('plans');
  const errorText = usePlanErrorText();
  const formId = useId();
  const msr = useVigilQuery('msr.list', {});
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors },
  } = useForm<PlanInput, unknown, z.output<typeof PlanInputSchema>>({
    resolver: zodResolver(PlanInputSchema),
    defaultValues: toFormValues(record),
  });
  const options = { successMessageKey: 'plans:form.saved', onSuccess: onClose, onError: applyServerIssues(setError) };
  const create = useVigilMutation('plans.create', options);
  const update = useVigilMutation('plans.update', options);
  const kind = useWatch({ control, name: 'kind' });
  const showTested = TESTED_PLAN_KINDS.includes(kind) || kind === 'other' || Boolean(record?.testedOn);
  const msrItems = useMemo(() => msr.data?.items ?? [], [msr.data]);

  const onSubmit = handleSubmit((values) => {
    if (record) update.mutate({ ...values, id: record.id });
    else create.mutate(values);
  });

  return (
    <Dialog
      open
      size="lg"
      title={record ? t('form.editTitle') : t('form.createTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={create.isPending || update.isPending}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="plans-form" onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error plans-form__wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('form.kind')} error={errorText(errors.kind)} required>
          <Select {...register('kind')} options={PLAN_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Field>
        <Field label={t('form.title')} error={errorText(errors.title)} required>
          <TextInput {...register('title')} maxLength={300} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('form.owner')} error={errorText(errors.owner)}>
          <TextInput {...register('owner')} maxLength={200} dir="auto" />
        </Field>
        <Field label={t('form.reviewDue')} error={errorText(errors.reviewDue)} hint={t('form.reviewDueHint')}>
          <TextInput type="date" dir="ltr" {...register('reviewDue', { setValueAs: nullableText })} />
        </Field>
        {showTested && (
          <Field label={t('form.testedOn')} error={errorText(errors.testedOn)} hint={t('form.testedOnHint')}>
            <TextInput type="date" dir="ltr" {...register('testedOn', { setValueAs: nullableText })} />
          </Field>
        )}
        <Field label={t('form.notes')} error={errorText(errors.notes)} className="plans-form__wide">
          <TextArea {...register('notes')} rows={3} dir="auto" />
        </Field>
        <fieldset className="plans-form__msr plans-form__wide">
          <legend>{t('form.msrItems')}</legend>
          {msrItems.length === 0 ? (
            <p className="plans-muted">{t('form.noMsrItems')}</p>
          ) : (
            msrItems.map((item) => (
              <label key={item.id} className="plans-form__check">
                <input type="checkbox" value={item.id} {...register('msrItemIds')} />
                <span className="plans-form__code" dir="ltr">
                  {item.code}
                </span>
                <span dir="auto">{item.title}</span>
              </label>
            ))
          )}
          {errors.msrItemIds && <p className="v-field__error">{errorText(errors.msrItemIds as never)}</p>}
        </fieldset>
      </form>
    </Dialog>
  );
}
