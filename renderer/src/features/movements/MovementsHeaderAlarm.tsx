import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVigilQuery } from '../../lib/queries';
import { useAlarmClock } from './useAlarmClock';
import { isolate } from '../files/bidi';
import './movements.css';

/**
 * Overdue movements in the app header, on every screen: the officer may be deep in the incident grid when
 * a team misses its check-in. Refreshed every ALARM_POLL_MS (time passing starts an alarm) and on change.
 */
export function MovementsHeaderAlarm() {
  const { t } = useTranslation('movements');
  useAlarmClock();
  const alarms = useVigilQuery('movements.alarms', {}).data ?? [];
  if (alarms.length === 0) return null;
  const first = alarms[0]!;
  const to = alarms.length === 1 ? `/movements?open=${first.movementId}` : '/movements';
  return (
    <Link to={to} className="mv-header-alarm" role="alert" data-testid="header-alarm" title={alarms.map((a) => `${a.from} → ${a.to}`).join('\n')}>
      <span className="mv-header-alarm__dot" aria-hidden="true" />
      {alarms.length === 1 ? t('header.one', { route: isolate(`${first.from} → ${first.to}`) }) : t('header.many', { count: alarms.length })}
    </Link>
  );
}
