import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';

/** Home: how many log entries today, in the delegation time zone. */
export function DailyLogHomeTile() {
  const { t, i18n } = useTranslation('dailyLog');
  const summary = useVigilQuery('dailyLog.summary', {}).data;
  return (
    <section className="daily-log-tile" aria-label={t('tile.title')}>
      <h2>{t('tile.title')}</h2>
      {!summary ? <Spinner label={t('page.loading')} /> : <p>{t('tile.count', { n: summary.count.toLocaleString(i18n.language) })}</p>}
      <Link to="/daily-log">{t('tile.open')}</Link>
    </section>
  );
}
