import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { FieldError } from 'react-hook-form';
import type { z } from 'zod';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { useErrorText } from '../../app/formErrors';
import { EXPOSED_GROUPS, RISK_STATUSES, RiskInputSchema, type Risk, type RiskInput } from '../../../../shared/contract/risks';
import { SCALE_STEPS } from '../../../../shared/domain/riskScoring';
import { useAreas } from '../areas/hooks';
import { useRiskConfig } from './hooks';

interface RiskFormProps {
  /** null: a new risk. */
  record: Risk | null;
  onClose(): void;
  onSaved?(risk: Risk): void;
}

const nullableText = (value: unknown) => (value === '' || value == null ? null : String(value));

const toFormValues = (r: Risk | null, firstCategory: string): RiskInput => ({
  title: r?.title ?? '',
  threat: r?.threat ?? '',
  cause: r?.cause ?? '',
  consequence: r?.consequence ?? '',
  category: r?.category ?? firstCategory,
  areaId: r?.areaId ?? null,
  premisesId: r?.premisesId ?? null,
  areaIds: r?.areaIds ?? [],
  premisesIds: r?.premisesIds ?? [],
  programme: r?.programme ?? '',
  exposed: r?.exposed ?? [],
  inherentLikelihood: r?.inherentLikelihood ?? 3,
  inherentImpact: r?.inherentImpact ?? 3,
  residualLikelihood: r?.residualLikelihood ?? 3,
  residualImpact: r?.residualImpact ?? 3,
  owner: r?.owner ?? '',
  status: r?.status ?? 'open',
  acceptedBy: r?.acceptedBy ?? '',
  acceptedOn: r?.acceptedOn ?? null,
  acceptanceValidUntil: r?.acceptanceValidUntil ?? null,
  nextReview: r?.nextReview ?? null,
  notes: r?.notes ?? '',
  comment: '',
});

function useRiskErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t, i18n } = useTranslation('risks');
  const shellText = useErrorText();
  return (error) => (error?.message && i18n.exists(`risks:validation.${error.message}`) ? t(`validation.${error.message}`) : shellText(error));
}

/** Create or edit a risk with the contract's own schema; the core adds what only it can check. */
export function RiskForm({ record, onClose, onSaved }: RiskFormProps) {
  const { t, i18n } = useTranslation('risks');
  const errorText = useRiskErrorText();
  const formId = useId();
  const config = useRiskConfig();
  const areas = useAreas();
  const premises = useVigilQuery('premises.list', { startRow: 0, endRow: 1000 });
  const matrix = config.data?.matrix;
  const categories = config.data?.categories ?? [];
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RiskInput, unknown, z.output<typeof RiskInputSchema>>({
    resolver: zodResolver(RiskInputSchema),
    defaultValues: toFormValues(record, categories[0] ?? 'other'),
  });
  const saveOptions = {
    successMessageKey: 'risks:form.saved',
    onSuccess: (risk: Risk) => {
      onSaved?.(risk);
      onClose();
    },
    onError: applyServerIssues(setError),
  };
  const create = useVigilMutation('risks.create', saveOptions);
  const update = useVigilMutation('risks.update', saveOptions);
  const areaOptions = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true });
    // The risk's own locations first, so they are in view without scrolling the list.
    const mine = new Set(record?.areaIds ?? []);
    return [...(areas.data ?? [])]
      .sort((a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)) || collator.compare(a.path, b.path))
      .map((a) => ({ value: a.id, label: a.path }));
  }, [areas.data, i18n.language, record]);

  const stepOptions = (labels: readonly string[] | undefined) =>
    SCALE_STEPS.map((s) => ({ value: String(s), label: `${s} — ${labels ? t(`scale.${labels[s - 1]}`) : ''}` }));
  const premisesOptions = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true });
    const mine = new Set(record?.premisesIds ?? []);
    return [...(premises.data?.rows ?? [])]
      .sort((a, b) => Number(mine.has(b.id)) - Number(mine.has(a.id)) || collator.compare(a.name, b.name))
      .map((p) => ({ value: p.id, label: p.name }));
  }, [premises.data, i18n.language, record]);
  const onSubmit = handleSubmit((form) => {
    // The lists are the truth; the single columns follow their first entries.
    const areaIds = form.areaIds ?? [];
    const premisesIds = form.premisesIds ?? [];
    const values = { ...form, areaIds, premisesIds, areaId: areaIds[0] ?? null, premisesId: premisesIds[0] ?? null };
    if (record) update.mutate({ ...values, id: record.id });
    else create.mutate(values);
  });
  const step = { setValueAs: (v: unknown) => Number(v) };

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
      <form id={formId} className="risks-form" onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error risks-form__wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('columns.title')} error={errorText(errors.title)} required className="risks-form__wide">
          <TextInput {...register('title')} maxLength={300} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.category')} error={errorText(errors.category)} required>
          <Select {...register('category')} options={categories.map((c) => ({ value: c, label: t(`categories.${c}`, { defaultValue: c }) }))} />
        </Field>
        <Field label={t('columns.status')} error={errorText(errors.status)}>
          <Select {...register('status')} options={RISK_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        </Field>
        <Field label={t('columns.threat')} error={errorText(errors.threat)} className="risks-form__wide">
          <TextArea {...register('threat')} rows={2} dir="auto" />
        </Field>
        <Field label={t('columns.cause')} error={errorText(errors.cause)}>
          <TextArea {...register('cause')} rows={2} dir="auto" />
        </Field>
        <Field label={t('columns.consequence')} error={errorText(errors.consequence)}>
          <TextArea {...register('consequence')} rows={2} dir="auto" />
        </Field>
        <fieldset className="risks-form__levels">
          <legend>{t('form.inherent')}</legend>
          <Field label={t('form.likelihood')} error={errorText(errors.inherentLikelihood)}>
            <Select {...register('inherentLikelihood', step)} options={stepOptions(matrix?.likelihoodLabels)} />
          </Field>
          <Field label={t('form.impact')} error={errorText(errors.inherentImpact)}>
            <Select {...register('inherentImpact', step)} options={stepOptions(matrix?.impactLabels)} />
          </Field>
        </fieldset>
        <fieldset className="risks-form__levels">
          <legend>{t('form.residual')}</legend>
          <Field label={t('form.likelihood')} error={errorText(errors.residualLikelihood)}>
            <Select {...register('residualLikelihood', step)} options={stepOptions(matrix?.likelihoodLabels)} />
          </Field>
          <Field label={t('form.impact')} error={errorText(errors.residualImpact)}>
            <Select {...register('residualImpact', step)} options={stepOptions(matrix?.impactLabels)} />
          </Field>
        </fieldset>
        <Field label={t('columns.programme')} error={errorText(errors.programme)}>
          <TextInput {...register('programme')} maxLength={200} dir="auto" />
        </Field>
        <fieldset className="risks-form__locations risks-form__wide">
          <legend>{t('form.locations')}</legend>
          <p className="v-field__hint">{t('form.locationsHint')}</p>
          <div className="risks-form__location-lists">
            <fieldset className="risks-form__location-list" aria-label={t('form.areas')}>
              <legend className="risks-form__location-title">{t('form.areas')}</legend>
              {areaOptions.length === 0 && <p className="v-field__hint">{t('form.noAreas')}</p>}
              {areaOptions.map((a) => (
                <label key={a.value} className="risks-form__check">
                  <input type="checkbox" value={a.value} {...register('areaIds')} /> <bdi>{a.label}</bdi>
                </label>
              ))}
            </fieldset>
            <fieldset className="risks-form__location-list" aria-label={t('form.premises')}>
              <legend className="risks-form__location-title">{t('form.premises')}</legend>
              {premisesOptions.length === 0 && <p className="v-field__hint">{t('form.noPremises')}</p>}
              {premisesOptions.map((p) => (
                <label key={p.value} className="risks-form__check">
                  <input type="checkbox" value={p.value} {...register('premisesIds')} /> <bdi>{p.label}</bdi>
                </label>
              ))}
            </fieldset>
          </div>
          {(errors.areaIds || errors.premisesIds || errors.areaId || errors.premisesId) && (
            <p className="v-field__error">
              {errorText((errors.areaIds as FieldError | undefined) ?? (errors.premisesIds as FieldError | undefined) ?? errors.areaId ?? errors.premisesId)}
            </p>
          )}
        </fieldset>
        <fieldset className="risks-form__exposed risks-form__wide">
          <legend>{t('columns.exposed')}</legend>
          {EXPOSED_GROUPS.map((g) => (
            <label key={g} className="risks-form__check">
              <input type="checkbox" value={g} {...register('exposed')} /> {t(`exposed.${g}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('columns.owner')} error={errorText(errors.owner)}>
          <TextInput {...register('owner')} maxLength={200} dir="auto" />
        </Field>
        <Field label={t('columns.nextReview')} error={errorText(errors.nextReview)} hint={t('form.nextReviewHint')}>
          <TextInput type="date" dir="ltr" {...register('nextReview', { setValueAs: nullableText })} />
        </Field>
        <fieldset className="risks-form__levels risks-form__wide">
          <legend>{t('form.acceptance')}</legend>
          <Field label={t('columns.acceptedBy')} error={errorText(errors.acceptedBy)}>
            <TextInput {...register('acceptedBy')} maxLength={200} dir="auto" />
          </Field>
          <Field label={t('columns.acceptedOn')} error={errorText(errors.acceptedOn)}>
            <TextInput type="date" dir="ltr" {...register('acceptedOn', { setValueAs: nullableText })} />
          </Field>
          <Field label={t('columns.acceptanceValidUntil')} error={errorText(errors.acceptanceValidUntil)}>
            <TextInput type="date" dir="ltr" {...register('acceptanceValidUntil', { setValueAs: nullableText })} />
          </Field>
        </fieldset>
        <Field label={t('columns.notes')} error={errorText(errors.notes)} className="risks-form__wide">
          <TextArea {...register('notes')} rows={3} dir="auto" />
        </Field>
        {record && (
          <Field label={t('form.comment')} hint={t('form.commentHint')} error={errorText(errors.comment)} className="risks-form__wide">
            <TextInput {...register('comment')} maxLength={2000} dir="auto" />
          </Field>
        )}
      </form>
    </Dialog>
  );
}
