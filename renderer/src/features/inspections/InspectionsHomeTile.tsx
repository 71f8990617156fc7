import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import './inspections.css';

/** Home: overdue corrective actions and equipment expiring within 30 days or overdue. */
export function InspectionsHomeTile() {
  const { t, i18n } = useTranslation('inspections');
  const board = useVigilQuery('inspections.board', {}).data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <section className="insp-tile" aria-labelledby="insp-tile-title">
      <h2 id="insp-tile-title" className="insp-tile__title">
        {t('tile.title')}
      </h2>
      {!board ? (
        <Spinner label={t('loading')} size="sm" />
      ) : (
        <ul className="insp-tile__list">
          <li className={board.overdueActions ? 'insp-tile__row insp-late' : 'insp-tile__row'}>
            <span>{t('tile.overdueActions')}</span>
            <span className="insp-tile__number" data-testid="tile-overdue-actions">{n(board.overdueActions)}</span>
          </li>
          <li className="insp-tile__row">
            <span>{t('tile.openActions')}</span>
            <span className="insp-tile__number">{n(board.openActions)}</span>
          </li>
          <li className={board.equipmentOverdue ? 'insp-tile__row insp-late' : 'insp-tile__row'}>
            <span>{t('tile.equipmentOverdue')}</span>
            <span className="insp-tile__number">{n(board.equipmentOverdue)}</span>
          </li>
          <li className="insp-tile__row">
            <span>{t('tile.equipmentDue')}</span>
            <span className="insp-tile__number">{n(board.equipmentDue)}</span>
          </li>
        </ul>
      )}
      <Link className="insp-tile__more" to="/inspections">
        {t('tile.open')}
      </Link>
    </section>
  );
}
