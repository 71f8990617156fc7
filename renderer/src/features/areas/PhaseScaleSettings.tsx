import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Spinner } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { PHASE_SCALE_IDS, PHASE_SCALES, type PhaseScaleId } from '../../../../shared/presets/phaseScales';
import { useSettings } from './hooks';
import { PhaseBadge } from './PhaseBadge';

/** Settings: which phase scale new declarations use (IFRC colours or UN security levels). */
export function PhaseScaleSettings() {
  const { t } = useTranslation('areas');
  const settings = useSettings();
  const queryClient = useQueryClient();
  const update = useVigilMutation('settings.update', {
    successMessageKey: 'areas:scale.saved',
    // The answer is the new settings: put it in the cache now so the choice does not flicker back.
    onSuccess: (saved) => queryClient.setQueryData(['settings.get', {}], saved),
  });

  if (!settings.data) return <Spinner label={t('page.loading')} size="sm" />;
  // While the change is saved, show the choice already made rather than the old one.
  const current = update.isPending && update.variables.phaseScale ? update.variables.phaseScale : settings.data.phaseScale;
  const choose = (phaseScale: PhaseScaleId) => {
    if (phaseScale !== current) update.mutate({ phaseScale });
  };

  return (
    <fieldset className="scale-settings" disabled={update.isPending}>
      <legend className="v-visually-hidden">{t('scale.title')}</legend>
      {PHASE_SCALE_IDS.map((id) => (
        <label key={id} className="scale-settings__option">
          <input type="radio" name="phaseScale" value={id} checked={current === id} onChange={() => choose(id)} />
          <span className="scale-settings__text">
            <span className="scale-settings__name">{t(`scale.${id}.name`)}</span>
            <span className="scale-settings__levels">
              {PHASE_SCALES[id].levels.map((level) => (
                <PhaseBadge key={level.level} phase={{ scale: id, level: level.level }} />
              ))}
            </span>
          </span>
        </label>
      ))}
      <p className="v-field__hint">{t('scale.hint')}</p>
    </fieldset>
  );
}
