import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Checkbox, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { useErrorText } from '../../app/formErrors';
import { applyServerIssues, queryClient, useVigilMutation, useVigilQuery } from '../../lib/queries';
import { VEHICLE_STATUSES, VehicleInputSchema, type Vehicle, type VehicleInput } from '../../../../shared/contract/movements';

const nullableText = (value: unknown) => (value === '' || value == null ? null : String(value));

const toFormValues = (v: Vehicle | null): VehicleInput => ({
  plate: v?.plate ?? '',
  type: v?.type ?? '',
  armoured: v?.armoured ?? false,
  tracker: v?.tracker ?? false,
  callSign: v?.callSign ?? '',
  status: v?.status ?? 'available',
  insuranceExpiry: v?.insuranceExpiry ?? null,
  serviceExpiry: v?.serviceExpiry ?? null,
  notes: v?.notes ?? '',
  driverIds: v?.drivers.map((d) => d.id) ?? [],
});

/** Adds or edits a vehicle of the register with the contract's own schema; the core checks plate and drivers. */
export function VehicleForm({ record, onClose }: { record: Vehicle | null; onClose(): void }) {
  const { t } = useTranslation('movements');
  const errorText = useErrorText();
  const formId = useId();
  const people = useVigilQuery('people.list', { startRow: 0, endRow: 1000, filterModel: { status: { filterType: 'text', type: 'notEqual', filter: 'left' } } }).data?.rows ?? [];
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<VehicleInput, unknown, z.output<typeof VehicleInputSchema>>({ resolver: zodResolver(VehicleInputSchema), defaultValues: toFormValues(record) });
  const done = () => {
    void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0] ?? '').startsWith('movements.') });
    onClose();
  };
  const options = { successMessageKey: 'movements:vehicles.saved', onSuccess: done, onError: applyServerIssues(setError) };
  const create = useVigilMutation('vehicles.create', options);
  const update = useVigilMutation('vehicles.update', options);
  const onSubmit = handleSubmit((values) => (record ? update.mutate({ ...values, id: record.id }) : create.mutate(values)));
  const issue = (e: { message?: string } | undefined) => (e?.message && e.message !== 'required' ? t(`vehicles.errors.${e.message}`, { defaultValue: errorText(e as never) }) : errorText(e as never));

  return (
    <Dialog
      open
      size="lg"
      title={record ? t('vehicles.editTitle', { plate: record.plate }) : t('vehicles.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={create.isPending || update.isPending}>
            {t('vehicles.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="vh-form" onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error vh-form__wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('vehicles.columns.plate')} error={issue(errors.plate)} required>
          <TextInput {...register('plate')} maxLength={50} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('vehicles.columns.type')} error={issue(errors.type)}>
          <TextInput {...register('type')} maxLength={100} dir="auto" placeholder={t('vehicles.typeHint')} />
        </Field>
        <Field label={t('vehicles.columns.callSign')} error={issue(errors.callSign)}>
          <TextInput {...register('callSign')} maxLength={50} dir="auto" />
        </Field>
        <Field label={t('vehicles.columns.status')} error={issue(errors.status)}>
          <Select {...register('status')} options={VEHICLE_STATUSES.map((s) => ({ value: s, label: t(`vehicles.statuses.${s}`) }))} />
        </Field>
        <Field label={t('vehicles.columns.insuranceExpiry')} error={issue(errors.insuranceExpiry)}>
          <TextInput type="date" dir="ltr" {...register('insuranceExpiry', { setValueAs: nullableText })} />
        </Field>
        <Field label={t('vehicles.columns.serviceExpiry')} error={issue(errors.serviceExpiry)} hint={t('vehicles.serviceHint')}>
          <TextInput type="date" dir="ltr" {...register('serviceExpiry', { setValueAs: nullableText })} />
        </Field>
        <Checkbox label={t('vehicles.columns.armoured')} {...register('armoured')} />
        <Checkbox label={t('vehicles.columns.tracker')} {...register('tracker')} />
        <fieldset className="vh-form__wide">
          <legend>{t('vehicles.columns.drivers')}</legend>
          <div className="vh-drivers">
            {people.length === 0 && <p>{t('vehicles.noPeople')}</p>}
            {people.map((p) => (
              <label key={p.id}>
                <input type="checkbox" value={p.id} {...register('driverIds')} />
                <span dir="auto">{p.name}</span>
              </label>
            ))}
          </div>
          {errors.driverIds && <p className="v-field__error">{issue(errors.driverIds as never)}</p>}
        </fieldset>
        <Field label={t('vehicles.columns.notes')} error={issue(errors.notes)} className="vh-form__wide">
          <TextArea {...register('notes')} rows={2} dir="auto" />
        </Field>
      </form>
    </Dialog>
  );
}
