import { useId } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Button, Dialog, Field, TextArea } from '../../components';
import { applyServerIssues, useVigilMutation } from '../../lib/queries';
import { PhaseDeclareInputSchema, type Area, type PhaseDeclareInput } from '../../../../shared/contract/areas';
import { PHASE_SCALES } from '../../../../shared/presets/phaseScales';
import { isolate } from '../files/bidi';
import { usePhaseScale } from './hooks';
import { EffectivePhaseView, usePhaseLabel } from './PhaseBadge';
import { useAreasErrorText } from './useAreasErrorText';

interface DeclarePhaseDialogProps {
  area: Area;
  onClose(): void;
}

/** Declares a new phase on an area: every declaration is kept, with its reason, as the area's history. */
export function DeclarePhaseDialog({ area, onClose }: DeclarePhaseDialogProps) {
  const { t } = useTranslation('areas');
  const fieldError = useAreasErrorText();
  const label = usePhaseLabel();
  const scale = usePhaseScale();
  const formId = useId();
  const current = area.phase?.scale === scale ? area.phase.level : undefined;
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<PhaseDeclareInput, unknown, z.output<typeof PhaseDeclareInputSchema>>({
    resolver: zodResolver(PhaseDeclareInputSchema),
    // Start from the level in force: the usual change is one step up or down from it.
    defaultValues: { areaId: area.id, level: current ?? 1, reason: '' },
  });

  const declare = useVigilMutation('phases.declare', {
    successMessageKey: 'areas:declare.done',
    onSuccess: onClose,
    onError: applyServerIssues(setError),
  });

  const onSubmit = handleSubmit((values) => declare.mutate(values));

  return (
    <Dialog
      open
      title={t('declare.title', { name: isolate(area.name) })}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('shell:common.cancel')}</Button>
          <Button variant="primary" type="submit" form={formId} busy={declare.isPending}>
            {t('declare.confirm')}
          </Button>
        </>
      }
    >
      <form id={formId} className="areas-form" onSubmit={onSubmit} noValidate>
        <div className="declare__current">
          <span>{t('declare.current')}</span>
          <EffectivePhaseView phase={area.phase} />
        </div>
        <fieldset className="declare__levels">
          <legend>{t('declare.level')}</legend>
          {/* A Controller, not register(): radio values are strings and the level is a number. */}
          <Controller
            control={control}
            name="level"
            render={({ field }) => (
              <>
                {PHASE_SCALES[scale].levels.map((level) => (
                  <label key={level.level} className="declare__level">
                    <input
                      type="radio"
                      name={field.name}
                      value={level.level}
                      checked={field.value === level.level}
                      onChange={() => field.onChange(level.level)}
                      onBlur={field.onBlur}
                      ref={level.level === field.value ? field.ref : undefined}
                    />
                    <span className="declare__swatch" aria-hidden="true" style={{ backgroundColor: level.colour, color: level.ink }}>
                      {level.level}
                    </span>
                    <span>{label({ scale, level: level.level })}</span>
                  </label>
                ))}
              </>
            )}
          />
          {errors.level && <div className="v-field__error">{fieldError(errors.level)}</div>}
        </fieldset>
        <Field label={t('declare.reason')} hint={t('declare.reasonHint')} error={fieldError(errors.reason)} required>
          <TextArea {...register('reason')} maxLength={2000} rows={4} />
        </Field>
      </form>
    </Dialog>
  );
}
