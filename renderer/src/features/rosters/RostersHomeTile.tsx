import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import './rosters.css';

/** Home: finished shifts of yesterday and today nobody checked, and the conflicts of this month's roster. */
export function RostersHomeTile() {
  const { t, i18n } = useTranslation('rosters');
  const board = useVigilQuery('rosters.board', {}).data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <section className="ros-tile" aria-labelledby="ros-tile-title">
      <h2 id="ros-tile-title" className="ros-tile__title">
        {t('tile.title')}
      </h2>
      {!board ? (
        <Spinner label={t('loading')} size="sm" />
      ) : (
        <ul className="ros-tile__list">
          <li className={board.missingChecks ? 'ros-tile__row ros-warn' : 'ros-tile__row'}>
            <span>{t('tile.missingChecks')}</span>
            <span className="ros-tile__number" data-testid="tile-missing-checks">
              {n(board.missingChecks)}
            </span>
          </li>
          {board.missing.slice(0, 4).map((m) => (
            <li key={`${m.day}-${m.postName}-${m.shiftLabel}`} className="ros-tile__name">
              {m.day} · {m.postName} · {m.shiftLabel}
            </li>
          ))}
          <li className={board.problemsThisMonth ? 'ros-tile__row ros-warn' : 'ros-tile__row'}>
            <span>{t('tile.problems')}</span>
            <span className="ros-tile__number">{n(board.problemsThisMonth)}</span>
          </li>
        </ul>
      )}
      <Link className="ros-tile__more" to="/rosters">
        {t('tile.open')}
      </Link>
    </section>
  );
}
