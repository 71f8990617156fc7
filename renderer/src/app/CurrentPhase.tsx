import { useTranslation } from 'react-i18next';
import type { Area, EffectivePhase } from '../../../shared/contract/areas';
import { PHASE_SCALES, phaseLevel } from '../../../shared/presets/phaseScales';
import { Badge } from '../components';
import { useVigilQuery } from '../lib/queries';

/** How far up its own scale a phase is (0..1), so IFRC and UN declarations compare. */
const severity = (phase: EffectivePhase) => phase.level / PHASE_SCALES[phase.scale].levels.length;

/**
 * The phase of the top of the area tree (the country, normally one): when several top-level areas
 * exist, the most severe one is shown, since that is the one the officer must not miss.
 */
export function pickHeadlinePhase(areas: readonly Area[]): { area: Area; phase: EffectivePhase } | null {
  const top = areas.filter((a) => a.parentId === null);
  const countries = top.filter((a) => a.level === 'country');
  const candidates = (countries.length > 0 ? countries : top).filter(
    (a): a is Area & { phase: EffectivePhase } => a.phase !== null,
  );
  let best: { area: Area; phase: EffectivePhase } | null = null;
  for (const area of candidates) {
    if (!best || severity(area.phase) > severity(best.phase)) best = { area, phase: area.phase };
  }
  return best;
}

export function CurrentPhase() {
  const { t } = useTranslation('shell');
  const areas = useVigilQuery('areas.list', {});
  if (!areas.data) return null;
  const headline = pickHeadlinePhase(areas.data);
  const level = headline ? phaseLevel(headline.phase.scale, headline.phase.level) : undefined;

  return (
    <div className="shell-phase">
      <span className="shell-phase__label">{t('header.phase')}</span>
      {headline && level ? (
        <Badge colour={level.colour} ink={level.ink} title={t('header.phaseOf', { area: headline.area.name, phase: t(`phase.${headline.phase.scale}.${level.key}`) })}>
          <span className="v-visually-hidden">{headline.area.name}: </span>
          {t(`phase.${headline.phase.scale}.${level.key}`)}
        </Badge>
      ) : (
        <Badge>{t('header.noPhase')}</Badge>
      )}
    </div>
  );
}
