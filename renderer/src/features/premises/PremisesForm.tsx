import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Checkbox, ConfirmDialog, Dialog, Field, Select, Spinner, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation, useVigilQuery } from '../../lib/queries';
import {
  PREMISES_TYPES,
  PremisesInputSchema,
  type Premises,
  type PremisesInput,
} from '../../../../shared/contract/premises';
import { useAreas } from '../areas/hooks';
import { EffectivePhaseView } from '../areas/PhaseBadge';
import { isolate } from '../files/bidi';
import { AppError } from '../../../../shared/envelope';
import { usePremisesErrorText } from './usePremisesErrorText';

interface PremisesFormProps {
  /** null: a new premises. */
  premisesId: string | null;
  onClose(): void;
}

/** Opens the create / edit form; an edit first loads the record fresh, not the grid's possibly older copy. */
export function PremisesForm({ premisesId, onClose }: PremisesFormProps) {
  const { t } = useTranslation('premises');
  const existing = useVigilQuery('premises.get', { id: premisesId ?? '' }, { enabled: premisesId !== null });
  if (premisesId === null) return <PremisesFormDialog record={null} onClose={onClose} />;
  if (existing.data) return <PremisesFormDialog key={existing.data.id} record={existing.data} onClose={onClose} />;
  return (
    <Dialog open title={t('form.editTitle')} onClose={onClose}>
      {existing.isError ? <p role="alert">{existing.error.message}</p> : <Spinner label={t('form.loading')} />}
    </Dialog>
  );
}

type FormValues = PremisesInput;

const toFormValues = (p: Premises | null): FormValues => ({
  name: p?.name ?? '',
  type: p?.type ?? 'office',
  areaId: p?.areaId ?? null,
  address: p?.address ?? '',
  latitude: p?.latitude ?? null,
  longitude: p?.longitude ?? null,
  focalPoint: p?.focalPoint ?? '',
  safeRoom: p?.safeRoom ?? false,
  safeRoomNotes: p?.safeRoomNotes ?? '',
  notes: p?.notes ?? '',
});

/** An empty number box means "no coordinate", not 0 (which is a real place in the Gulf of Guinea). */
const nullableNumber = (value: unknown) => (value === '' || value == null ? null : Number(value));
const nullableId = (value: unknown) => (value === '' || value == null ? null : String(value));

function PremisesFormDialog({ record, onClose }: { record: Premises | null; onClose(): void }) {
  const { t, i18n } = useTranslation('premises');
  const errorText = usePremisesErrorText();
  const formId = useId();
  const areas = useAreas();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<FormValues, unknown, z.output<typeof PremisesInputSchema>>({
    resolver: zodResolver(PremisesInputSchema),
    defaultValues: toFormValues(record),
  });
  const [areaId, safeRoom] = useWatch({ control, name: ['areaId', 'safeRoom'] });

  const saveOptions = { successMessageKey: 'premises:form.saved', onSuccess: onClose, onError: applyServerIssues(setError) };
  const create = useVigilMutation('premises.create', saveOptions);
  const update = useVigilMutation('premises.update', saveOptions);
  // A refusal (still used by roster posts, inspections, equipment…) is shown in the confirm dialog
  // itself, where the officer is looking, not in a toast behind two dialogs.
  const [refusal, setRefusal] = useState<string | null>(null);
  const remove = useVigilMutation('premises.delete', {
    successMessageKey: 'premises:delete.done',
    onSuccess: onClose,
    onError: (error) => {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) return false;
      setRefusal(error.message);
      return true;
    },
  });

  const areaOptions = useMemo(() => {
    const collator = new Intl.Collator(i18n.language, { numeric: true });
    return [...(areas.data ?? [])].sort((a, b) => collator.compare(a.path, b.path)).map((a) => ({ value: a.id, label: a.path }));
  }, [areas.data, i18n.language]);
  // The phase comes from the area: show what it will be for the area chosen now, before saving.
  const phase = areas.data?.find((a) => a.id === areaId)?.phase ?? null;

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
          {record && (
            <Button variant="ghost" className="premises-form__delete" onClick={() => setConfirmDelete(true)}>
              {t('delete.button')}
            </Button>
          )}
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={create.isPending || update.isPending}>
            {t('form.save')}
          </Button>
        </>
      }
    >
      <form id={formId} className="premises-form" onSubmit={onSubmit} noValidate>
        {errors.root?.server && (
          <p role="alert" className="v-field__error premises-form__wide">
            {errors.root.server.message}
          </p>
        )}
        <Field label={t('columns.name')} error={errorText(errors.name)} required>
          <TextInput {...register('name')} maxLength={200} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.type')} error={errorText(errors.type)} required>
          <Select {...register('type')} options={PREMISES_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))} />
        </Field>
        <Field label={t('columns.areaPath')} error={errorText(errors.areaId)} hint={t('form.areaHint')}>
          <Select {...register('areaId', { setValueAs: nullableId })} placeholder={t('form.noArea')} options={areaOptions} />
        </Field>
        <div className="premises-form__phase">
          <span className="v-field__label">{t('form.phase')}</span>
          <EffectivePhaseView phase={phase} />
        </div>
        <Field label={t('columns.address')} error={errorText(errors.address)} className="premises-form__wide">
          <TextInput {...register('address')} maxLength={500} autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('columns.latitude')} error={errorText(errors.latitude)} hint={t('form.latitudeHint')}>
          <TextInput type="number" step="any" inputMode="decimal" dir="ltr" {...register('latitude', { setValueAs: nullableNumber })} />
        </Field>
        <Field label={t('columns.longitude')} error={errorText(errors.longitude)} hint={t('form.longitudeHint')}>
          <TextInput type="number" step="any" inputMode="decimal" dir="ltr" {...register('longitude', { setValueAs: nullableNumber })} />
        </Field>
        <Field label={t('columns.focalPoint')} error={errorText(errors.focalPoint)} hint={t('form.focalPointHint')}>
          <TextInput {...register('focalPoint')} maxLength={200} autoComplete="off" dir="auto" />
        </Field>
        <div className="premises-form__safe-room">
          <Checkbox label={t('form.safeRoom')} hint={t('form.safeRoomHint')} {...register('safeRoom')} />
        </div>
        {safeRoom && (
          <Field label={t('columns.safeRoomNotes')} error={errorText(errors.safeRoomNotes)} className="premises-form__wide">
            <TextArea {...register('safeRoomNotes')} maxLength={2000} rows={3} dir="auto" />
          </Field>
        )}
        <Field label={t('columns.notes')} error={errorText(errors.notes)} className="premises-form__wide">
          <TextArea {...register('notes')} maxLength={5000} rows={4} dir="auto" />
        </Field>
      </form>

      {record && (
        <ConfirmDialog
          open={confirmDelete}
          danger
          title={t('delete.title', { name: isolate(record.name) })}
          message={
            refusal ? (
              <p role="alert" className="premises-form__refusal">
                {refusal}
              </p>
            ) : (
              t('delete.message')
            )
          }
          confirmLabel={t('delete.confirm')}
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: record.id })}
          onCancel={() => {
            setConfirmDelete(false);
            setRefusal(null);
          }}
        />
      )}
    </Dialog>
  );
}
