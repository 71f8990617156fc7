import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { backupTone, daysSince } from './age';
import { HandoverChecklist } from './HandoverChecklist';

/** Home: how old the last verified backup is; amber when it ages, red when old or never made. */
export function BackupHomeTile() {
  const { t } = useTranslation('backup');
  const status = useVigilQuery('backup.status', {});
  const last = status.data?.last?.verified ? status.data.last : null;
  const days = last ? daysSince(last.at) : null;
  const tone = backupTone(days);
  return (
    <section className={`bk-tile bk-tile--${tone}`} aria-labelledby="bk-tile-title" data-testid="backup-tile">
      <h2 id="bk-tile-title" className="bk-tile__title">
        {t('tile.title')}
      </h2>
      {!status.data ? (
        <Spinner label={t('tile.loading')} size="sm" />
      ) : (
        <>
          <p className="bk-tile__figure" data-testid="backup-tile-age">
            {days === null ? t('tile.never') : days === 0 ? t('tile.today') : t('tile.age', { count: days })}
          </p>
          {status.data.lastError && <p className="bk-tile__error">{t('tile.lastFailed')}</p>}
          {status.data.settings.intervalHours > 0 && status.data.settings.folder ? (
            <p className="bk-tile__note">{t('tile.scheduled', { count: status.data.settings.intervalHours })}</p>
          ) : (
            <p className="bk-tile__note">{t('tile.noSchedule')}</p>
          )}
          <Link to="/settings">{t('tile.open')}</Link>
          <HandoverChecklist />
        </>
      )}
    </section>
  );
}
