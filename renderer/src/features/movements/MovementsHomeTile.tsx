import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { useDateTimeFormat } from '../areas/hooks';
import { useAlarmClock } from './useAlarmClock';
import { useAlarmNotifier } from './alarmNotifier';
import './movements.css';

/** Home: movements under way, awaiting a green light, and overdue alarms (red) until acknowledged. */
export function MovementsHomeTile() {
  const { t, i18n } = useTranslation('movements');
  useAlarmClock();
  useAlarmNotifier();
  const board = useVigilQuery('movements.board', {}).data;
  const formatDateTime = useDateTimeFormat();
  const n = (v: number) => v.toLocaleString(i18n.language);
  const alarmed = (board?.alarms.length ?? 0) > 0;
  return (
    <section className={alarmed ? 'mv-tile mv-tile--alarm' : 'mv-tile'} aria-labelledby="mv-tile-title" data-testid="movements-tile">
      <h2 id="mv-tile-title" className="mv-tile__title">
        {t('tile.title')}
      </h2>
      {!board ? (
        <Spinner label={t('loading')} size="sm" />
      ) : (
        <ul className="mv-tile__list">
          <li className={alarmed ? 'mv-tile__row mv-alarm-text' : 'mv-tile__row'} role={alarmed ? 'alert' : undefined}>
            <span>{t('tile.alarms')}</span>
            <span className="mv-tile__number" data-testid="tile-alarms">
              {n(board.alarms.length)}
            </span>
          </li>
          {board.alarms.slice(0, 3).map((a) => (
            <li key={a.movementId} className="mv-tile__alarm">
              {t('alarm.line', { route: `${a.from} → ${a.to}`, due: formatDateTime(a.dueAt), kind: t(`alarm.kinds.${a.kind}`) })}
            </li>
          ))}
          <li className="mv-tile__row">
            <span>{t('tile.underWay')}</span>
            <span className="mv-tile__number">{n(board.underWay)}</span>
          </li>
          <li className="mv-tile__row">
            <span>{t('tile.requested')}</span>
            <span className="mv-tile__number">{n(board.requested)}</span>
          </li>
        </ul>
      )}
      <Link className="mv-tile__more" to="/movements">
        {t('tile.open')}
      </Link>
    </section>
  );
}
