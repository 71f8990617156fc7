import { useTranslation } from 'react-i18next';
import { Badge } from '../../components';
import './areas.css';
import { phaseLevel, type PhaseScaleId } from '../../../../shared/presets/phaseScales';
import type { EffectivePhase } from '../../../../shared/contract/areas';
import { isolate } from '../files/bidi';

interface PhaseRef {
  scale: PhaseScaleId;
  level: number;
}

/** The name of a phase level in the user's language ("Orange", "Level 4 – Substantial"). */
export function usePhaseLabel(): (phase: PhaseRef) => string {
  const { t } = useTranslation('areas');
  return (phase) => {
    const level = phaseLevel(phase.scale, phase.level);
    return level ? t(`shell:phase.${phase.scale}.${level.key}`) : t('phase.unknownLevel', { level: phase.level });
  };
}

/**
 * A phase in its conventional colour. The colours come from the declaration's own scale, so a Red
 * declared before a switch to the UN scale still shows as IFRC Red.
 */
export function PhaseBadge({ phase }: { phase: PhaseRef | null }) {
  const { t } = useTranslation('areas');
  const label = usePhaseLabel();
  if (!phase) return <span className="phase-none">{t('phase.none')}</span>;
  const level = phaseLevel(phase.scale, phase.level);
  return (
    <Badge colour={level?.colour} ink={level?.ink} className="phase-badge">
      {label(phase)}
    </Badge>
  );
}

/** Badge plus where an inherited phase comes from: the officer must see that a city is Orange because its country is. */
export function EffectivePhaseView({ phase, stacked }: { phase: EffectivePhase | null; stacked?: boolean }) {
  const { t } = useTranslation('areas');
  return (
    <span className={stacked ? 'phase-effective phase-effective--stacked' : 'phase-effective'}>
      <PhaseBadge phase={phase} />
      {phase?.inherited && (
        <span className="phase-inherited" title={t('phase.inheritedFrom', { name: isolate(phase.areaName) })}>
          {t('phase.inheritedFrom', { name: isolate(phase.areaName) })}
        </span>
      )}
    </span>
  );
}
