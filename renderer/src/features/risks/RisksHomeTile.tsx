import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { RISK_LEVEL_KEYS } from '../../../../shared/presets/riskMatrices';
import { LevelBadge } from './RiskDetail';
import { useRiskConfig } from './hooks';
import './risks.css';

const NOT_CLOSED = { status: { filterType: 'text' as const, type: 'notEqual' as const, filter: 'closed' } };

/** Home: risks still open by residual level (worst first) and how many reviews are overdue. */
export function RisksHomeTile() {
  const { t, i18n } = useTranslation('risks');
  const config = useRiskConfig();
  const groups = useVigilQuery('risks.groups', { by: 'residualLevel', view: { quickFilter: '', filterModel: NOT_CLOSED, sortModel: [] } });
  const overdueTotal = groups.data?.overdue;

  return (
    <section className="risks-tile" aria-labelledby="risks-tile-title" data-testid="risks-tile">
      <h2 id="risks-tile-title" className="risks-tile__title">
        {t('tile.title')}
      </h2>
      {!groups.data ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : groups.data.total === 0 ? (
        <p>{t('tile.none')}</p>
      ) : (
        <>
          <p className="risks-tile__label">{t('tile.byLevel')}</p>
          <ul className="risks-tile__list">
            {[...RISK_LEVEL_KEYS].reverse().map((level) => {
              const count = groups.data.groups.find((g) => g.key === level)?.count ?? 0;
              return (
                <li key={level} className="risks-tile__row">
                  <LevelBadge level={level} matrix={config.data?.matrix} />
                  <span className="risks-tile__number">{count.toLocaleString(i18n.language)}</span>
                </li>
              );
            })}
          </ul>
          <p className={overdueTotal ? 'risks-tile__overdue' : undefined}>{t('tile.overdue', { count: overdueTotal ?? 0 })}</p>
          <Link to="/risks">{t('tile.open')}</Link>
        </>
      )}
    </section>
  );
}
