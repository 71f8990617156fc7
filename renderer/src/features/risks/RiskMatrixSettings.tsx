import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components';
import { useVigilMutation } from '../../lib/queries';
import { RISK_MATRIX_PRESET_IDS, RISK_MATRIX_PRESETS, type RiskMatrixPresetId } from '../../../../shared/presets/riskMatrices';
import { levelColour, riskLevel, SCALE_STEPS } from '../../../../shared/domain/riskScoring';
import { useRiskConfig } from './hooks';

function MiniMatrix({ id }: { id: RiskMatrixPresetId }) {
  const matrix = RISK_MATRIX_PRESETS[id];
  return (
    <span className="risks-mini" aria-hidden="true">
      {[...SCALE_STEPS].reverse().map((l) =>
        SCALE_STEPS.map((i) => <span key={`${l}-${i}`} style={{ backgroundColor: levelColour(matrix, riskLevel(matrix, l, i)).fill }} />),
      )}
    </span>
  );
}

/** Settings: which risk matrix preset the register uses; the core recomputes levels and records it. */
export function RiskMatrixSettings() {
  const { t } = useTranslation('risks');
  const config = useRiskConfig();
  const update = useVigilMutation('risks.setConfig', { successMessageKey: 'risks:settings.saved' });
  if (!config.data) return <Spinner label={t('page.loading')} size="sm" />;
  const current = update.isPending && update.variables.preset ? update.variables.preset : config.data.matrix.preset;
  return (
    <fieldset className="risks-settings" disabled={update.isPending}>
      <legend className="v-visually-hidden">{t('settings.title')}</legend>
      {RISK_MATRIX_PRESET_IDS.map((id) => (
        <label key={id} className="risks-settings__option">
          <input type="radio" name="riskMatrix" value={id} checked={current === id} onChange={() => id !== current && update.mutate({ preset: id })} />
          <MiniMatrix id={id} />
          <span>{t(`settings.name.${id}`)}</span>
        </label>
      ))}
      <p className="v-field__hint">{t('settings.hint')}</p>
    </fieldset>
  );
}
