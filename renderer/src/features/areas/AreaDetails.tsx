import { useTranslation } from 'react-i18next';
import { Button } from '../../components';
import type { Area } from '../../../../shared/contract/areas';
import { childLevel } from './areaTree';
import { EffectivePhaseView } from './PhaseBadge';
import { PhaseHistory } from './PhaseHistory';

interface AreaDetailsProps {
  area: Area;
  onAddChild(): void;
  onEdit(): void;
  onDeclare(): void;
  onDelete(): void;
}

/** The selected area: where it sits, the phase in force, what can be done with it, and its phase history. */
export function AreaDetails({ area, onAddChild, onEdit, onDeclare, onDelete }: AreaDetailsProps) {
  const { t } = useTranslation('areas');
  const next = childLevel(area.level);
  return (
    <section className="area-details" aria-labelledby="area-details-title">
      <header className="area-details__header">
        <div>
          <p className="area-details__level">{t(`level.${area.level}`)}</p>
          {/* <bdi>: a Latin name keeps its own direction in an Arabic page without moving the heading. */}
          <h2 id="area-details-title" className="area-details__title">
            <bdi>{area.name}</bdi>
          </h2>
          {area.path !== area.name && (
            <p className="area-details__path">
              <bdi>{area.path}</bdi>
            </p>
          )}
        </div>
      </header>
      <p className="area-details__phase">
        <span className="area-details__label">{t('details.phase')}</span>
        <EffectivePhaseView phase={area.phase} />
      </p>

      <div className="area-details__actions" role="group" aria-label={t('details.actions')}>
        <Button variant="primary" onClick={onDeclare}>
          {t('actions.declare')}
        </Button>
        {next && <Button onClick={onAddChild}>{t(`actions.add.${next}`)}</Button>}
        <Button onClick={onEdit}>{t('actions.edit')}</Button>
        <Button variant="ghost" className="area-details__delete" onClick={onDelete}>
          {t('actions.delete')}
        </Button>
      </div>

      {area.notes && (
        <section>
          <h3 className="areas-section-title">{t('details.notes')}</h3>
          <p className="area-details__notes" dir="auto">
            {area.notes}
          </p>
        </section>
      )}

      <PhaseHistory areaId={area.id} />
    </section>
  );
}
