import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Dialog, Field, Select, TextArea, TextInput } from '../../components';
import { applyServerIssues, useVigilMutation } from '../../lib/queries';
import { AREA_LEVELS, AreaInputSchema, type Area, type AreaInput, type AreaLevel } from '../../../../shared/contract/areas';
import { isolate } from '../files/bidi';
import { useAreasErrorText } from './useAreasErrorText';

export type AreaFormMode = { kind: 'create'; parent: Area | null; level: AreaLevel } | { kind: 'edit'; area: Area };

interface AreaFormDialogProps {
  mode: AreaFormMode;
  onClose(): void;
  onSaved(area: Area): void;
}

/** Levels a child of `parent` may have: any level below it (a city-state has no provinces). */
const levelsBelow = (parent: Area) => AREA_LEVELS.slice(AREA_LEVELS.indexOf(parent.level) + 1);

/**
 * Adds an area under a parent (or a country at the top), or renames one and edits its notes. A new
 * child gets the next level by default; the officer may pick a lower one when the middle levels do
 * not exist where they work.
 */
export function AreaFormDialog({ mode, onClose, onSaved }: AreaFormDialogProps) {
  const { t } = useTranslation('areas');
  const errorText = useAreasErrorText();
  const formId = useId();
  const defaults: AreaInput =
    mode.kind === 'create'
      ? { name: '', notes: '', level: mode.level, parentId: mode.parent?.id ?? null }
      : { name: mode.area.name, notes: mode.area.notes, level: mode.area.level, parentId: mode.area.parentId };
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors },
  } = useForm<AreaInput, unknown, z.output<typeof AreaInputSchema>>({
    resolver: zodResolver(AreaInputSchema),
    defaultValues: defaults,
  });
  const level = useWatch({ control, name: 'level' });
  // The core's field-level VALIDATION issues go onto the fields; anything else becomes a toast.
  const mutationOptions = { successMessageKey: 'areas:saved', onSuccess: onSaved, onError: applyServerIssues(setError) };
  const create = useVigilMutation('areas.create', mutationOptions);
  const update = useVigilMutation('areas.update', mutationOptions);

  const onSubmit = handleSubmit((values) => {
    if (mode.kind === 'create') create.mutate(values);
    else update.mutate({ ...values, id: mode.area.id });
  });

  const parent = mode.kind === 'create' ? mode.parent : null;
  const title =
    mode.kind === 'edit'
      ? t('form.editTitle', { name: isolate(mode.area.name) })
      : parent
        ? t('form.addInTitle', { parent: isolate(parent.name) })
        : t('form.addCountryTitle');

  return (
    <Dialog
      open
      title={title}
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
      <form id={formId} className="areas-form" onSubmit={onSubmit} noValidate>
        {parent && (
          <p className="areas-form__context">
            <bdi>{parent.path}</bdi>
          </p>
        )}
        {parent && (
          <Field label={t('form.level')} hint={t('form.levelHint')} error={errorText(errors.level)}>
            <Select {...register('level')} options={levelsBelow(parent).map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Field>
        )}
        <Field label={t(`form.name.${level}`)} error={errorText(errors.name)} required>
          <TextInput {...register('name')} maxLength={200} autoFocus autoComplete="off" dir="auto" />
        </Field>
        <Field label={t('form.notes')} hint={t('form.notesHint')} error={errorText(errors.notes)}>
          <TextArea {...register('notes')} maxLength={2000} rows={4} dir="auto" />
        </Field>
        {errors.parentId && (
          <p role="alert" className="v-field__error">
            {errorText(errors.parentId)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
