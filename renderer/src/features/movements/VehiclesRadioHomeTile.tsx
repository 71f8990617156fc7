import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { queryClient, useVigilQuery } from '../../lib/queries';
import { useDateTimeFormat } from '../areas/hooks';
import { ALARM_POLL_MS } from './useAlarmClock';
import { isolate } from '../files/bidi';
import './movements.css';

/** Home: vehicle papers expiring or expired, and radio roll-calls whose set time passed with call signs unchecked. */
export function VehiclesRadioHomeTile() {
  const { t, i18n } = useTranslation('movements');
  const vehicles = useVigilQuery('vehicles.board', {}).data;
  const radio = useVigilQuery('rollCall.board', {}).data;
  const formatDateTime = useDateTimeFormat();
  // A set time passing makes a roll-call missed without any data changing: re-ask now and then.
  useEffect(() => {
    const timer = setInterval(() => void queryClient.invalidateQueries({ queryKey: ['rollCall.board'] }), ALARM_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const n = (v: number) => v.toLocaleString(i18n.language);
  const missed = radio?.missed ?? [];
  const alarmed = missed.length > 0 || (vehicles?.expiring.some((e) => e.status === 'overdue') ?? false);
  return (
    <section className={alarmed ? 'mv-tile mv-tile--alarm' : 'mv-tile'} aria-labelledby="vr-tile-title" data-testid="vehicles-radio-tile">
      <h2 id="vr-tile-title" className="mv-tile__title">
        {t('vrTile.title')}
      </h2>
      {!vehicles || !radio ? (
        <Spinner label={t('loading')} size="sm" />
      ) : (
        <ul className="mv-tile__list">
          <li className={missed.length > 0 ? 'mv-tile__row mv-alarm-text' : 'mv-tile__row'}>
            <span>{t('vrTile.missed')}</span>
            <span className="mv-tile__number" data-testid="tile-missed-rollcalls">
              {n(missed.length)}
            </span>
          </li>
          {missed.slice(0, 3).map((m) => (
            <li key={`${m.day}-${m.slot}`} className="mv-tile__alarm">
              {t('vrTile.missedLine', { when: formatDateTime(m.at), count: m.unchecked.length, callSigns: isolate(m.unchecked.slice(0, 4).join(', ')) })}
            </li>
          ))}
          <li className="mv-tile__row">
            <span>{t('vrTile.expiring')}</span>
            <span className="mv-tile__number" data-testid="tile-expiring-vehicles">
              {n(vehicles.expiring.length)}
            </span>
          </li>
          {vehicles.expiring.slice(0, 4).map((e) => (
            <li key={`${e.id}-${e.what}`} className={e.status === 'overdue' ? 'mv-tile__alarm' : 'mv-tile__alarm mv-tile__alarm--due'}>
              {t(`vrTile.${e.what}_${e.status}`, { plate: isolate(e.plate), date: formatDateTime(e.date, 'date') })}
            </li>
          ))}
        </ul>
      )}
      <div className="vr-links">
        <Link className="mv-tile__more" to="/roll-call">
          {t('vrTile.openRollCall')}
        </Link>
        <Link className="mv-tile__more" to="/vehicles">
          {t('vrTile.openVehicles')}
        </Link>
      </div>
    </section>
  );
}
