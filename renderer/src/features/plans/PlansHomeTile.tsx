import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Spinner } from '../../components';
import { usePlans } from './hooks';
import './plans.css';

/** Home: how many plan documents are past their review date. */
export function PlansHomeTile() {
  const { t, i18n } = useTranslation('plans');
  const plans = usePlans();
  const data = plans.data;
  return (
    <section className="plans-tile" aria-labelledby="plans-tile-title" data-testid="plans-tile">
      <h2 id="plans-tile-title" className="plans-tile__title">
        {t('tile.title')}
      </h2>
      {!data ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : data.rows.length === 0 ? (
        <EmptyState compact title={t('tile.none')} action={<Link to="/plans">{t('actions.addFirst')}</Link>} />
      ) : (
        <>
          <p className="plans-tile__total">
            <span>{t('tile.overdue')}</span>
            <span className={`plans-tile__big${data.overdue > 0 ? ' is-overdue' : ''}`}>{data.overdue.toLocaleString(i18n.language)}</span>
          </p>
          {data.overdue === 0 && <p className="plans-muted">{t('tile.allCurrent')}</p>}
          <Link className="plans-tile__more" to="/plans">
            {t('tile.open')}
          </Link>
        </>
      )}
    </section>
  );
}
