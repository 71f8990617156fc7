import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';

/** Home: incidents of the last 7 days (partial dates count when they overlap the week). */
export function IncidentsHomeTile() {
  const { t, i18n } = useTranslation('incidents');
  const summary = useVigilQuery('incidents.summary', { days: 7 }).data;
  const n = (x: number) => x.toLocaleString(i18n.language);
  return (
    <section className="incidents-tile" aria-label={t('tile.title')}>
      <h2>{t('tile.title')}</h2>
      {!summary ? (
        <Spinner label={t('page.loading')} />
      ) : (
        <ul>
          <li>{t('tile.count', { n: n(summary.count) })}</li>
          <li>{t('tile.nearMisses', { n: n(summary.nearMisses) })}</li>
          <li>{t('tile.killed', { n: n(summary.killed) })}</li>
          {summary.needsReview > 0 && <li>{t('tile.needsReview', { n: n(summary.needsReview) })}</li>}
        </ul>
      )}
      <Link to="/incidents">{t('tile.open')}</Link>
    </section>
  );
}
