import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Dialog, Field, TextInput } from '../../components';
import { notify } from '../../app/notify';
import { applyServerIssues, useVigilMutation } from '../../lib/queries';
import { PlanApproveSchema, type Plan } from '../../../../shared/contract/plans';
import { isolate } from '../files/bidi';
import { usePlanErrorText } from './hooks';

type ApproveInput = z.input<typeof PlanApproveSchema>;
const nullableText = (value: unknown) => (value === '' || value == null ? null : String(value));

/** Records who approved the plan and when; the core starts a new six-month review cycle from that date. */
export function ApproveDialog({ plan, onClose }: { plan: Plan; onClose(): void }) {
  const { t } = useTranslation('plans');
  const errorText = usePlanErrorText();
  const formId = useId();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ApproveInput, unknown, z.output<typeof PlanApproveSchema>>({
    resolver: zodResolver(PlanApproveSchema),
    defaultValues: { id: plan.id, approvedBy: '', approvedOn: null },
  });
  const approve = useVigilMutation('plans.approve', {
    onSuccess: () => {
      notify.success(t('approve.done'));
      onClose();
    },
    onError: applyServerIssues(setError),
  });

  return (
    <Dialog
      open
      title={t('approve.title', { title: isolate(plan.title) })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={approve.isPending}>
            {t('approve.run')}
          </Button>
        </>
      }
    >
      <form id={formId} className="plans-approve" onSubmit={handleSubmit((values) => approve.mutate(values))} noValidate>
        <p className="plans-muted">{t('approve.intro')}</p>
        {(errors.id ?? errors.root?.server) && (
          <p role="alert" className="v-field__error">
            {errorText(errors.id) ?? errors.root?.server?.message}
          </p>
        )}
        <Field label={t('approve.approvedBy')} hint={t('approve.approvedByHint')} error={errorText(errors.approvedBy)}>
          <TextInput {...register('approvedBy')} maxLength={200} autoFocus dir="auto" />
        </Field>
        <Field label={t('approve.approvedOn')} hint={t('approve.approvedOnHint')} error={errorText(errors.approvedOn)}>
          <TextInput type="date" dir="ltr" {...register('approvedOn', { setValueAs: nullableText })} />
        </Field>
      </form>
    </Dialog>
  );
}
