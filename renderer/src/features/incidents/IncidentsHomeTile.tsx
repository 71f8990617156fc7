import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { queryClient, useVigilQuery } from '../../lib/queries';

/** A deadline passes without any data changing: the overdue reports are asked for again now and then. */
const REPORTING_POLL_MS = 60_000;

/** Home: incidents of the last 7 days (partial dates count when they overlap the week), and reports overdue. */
export function IncidentsHomeTile() {
  const { t, i18n } = useTranslation('incidents');
  const summary = useVigilQuery('incidents.summary', { days: 7 }).data;
  const reporting = useVigilQuery('incidents.reportingBoard', {}).data;
  useEffect(() => {
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['incidents.reportingBoard'] }), REPORTING_POLL_MS);
    return () => clearInterval(timer);
  }, []);
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
          {reporting && reporting.overdueCount > 0 && (
            <li className="incidents-tile__overdue" data-testid="tile-overdue-reports">
              {t('reporting.tile', { count: reporting.overdueCount, n: n(reporting.overdueCount) })}
              <ul>
                {reporting.overdue.slice(0, 3).map((o) => (
                  <li key={o.id}>
                    {[o.date.slice(0, 10), o.category, o.placeName].filter(Boolean).join(' · ')}: {o.kinds.map((k) => t(`reporting.short.${k}`)).join(', ')}
                  </li>
                ))}
              </ul>
            </li>
          )}
        </ul>
      )}
      <Link to="/incidents">{t('tile.open')}</Link>
    </section>
  );
}
