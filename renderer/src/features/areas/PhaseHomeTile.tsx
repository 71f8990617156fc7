import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Spinner } from '../../components';
import { PHASE_SCALES } from '../../../../shared/presets/phaseScales';
import type { Area, EffectivePhase } from '../../../../shared/contract/areas';
import { useAreas, useDateTimeFormat } from './hooks';
import { PhaseBadge } from './PhaseBadge';

/** How far up its scale a phase is (0..1), so IFRC Red and UN level 6 both sort as the most severe. */
const severity = (phase: EffectivePhase) => phase.level / PHASE_SCALES[phase.scale].levels.length;

/** Home: every area with its own declaration (inherited phases would only repeat their parent), worst first. */
export function PhaseHomeTile() {
  const { t } = useTranslation('areas');
  const format = useDateTimeFormat();
  const areas = useAreas();
  const declared = useMemo(
    () =>
      (areas.data ?? [])
        .filter((a): a is Area & { phase: EffectivePhase } => a.phase !== null && !a.phase.inherited)
        .sort((a, b) => severity(b.phase) - severity(a.phase) || a.path.localeCompare(b.path)),
    [areas.data],
  );

  return (
    <section className="areas-tile" aria-labelledby="areas-tile-title">
      <h2 id="areas-tile-title" className="areas-tile__title">
        {t('tile.title')}
      </h2>
      {areas.isPending ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : declared.length === 0 ? (
        <EmptyState
          compact
          title={t('tile.empty')}
          action={<Link to="/areas">{(areas.data?.length ?? 0) === 0 ? t('tile.addAreas') : t('tile.declare')}</Link>}
        />
      ) : (
        <ul className="areas-tile__list">
          {declared.map((area) => (
            <li key={area.id} className="areas-tile__row">
              <PhaseBadge phase={area.phase} />
              <span className="areas-tile__path" title={area.path} dir="auto">
                {area.name}
              </span>
              <time className="areas-tile__since" dateTime={area.phase.declaredAt}>
                {t('tile.since', { date: format(area.phase.declaredAt, 'date') })}
              </time>
            </li>
          ))}
        </ul>
      )}
      {declared.length > 0 && (
        <Link className="areas-tile__more" to="/areas">
          {t('tile.open')}
        </Link>
      )}
    </section>
  );
}
