import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import './people.css';

/** Home: who is in country, newcomers not yet briefed, training expiring, expired or missing. */
export function PeopleHomeTile() {
  const { t, i18n } = useTranslation('people');
  const board = useVigilQuery('people.board', {}).data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <section className="ppl-tile" aria-labelledby="ppl-tile-title">
      <h2 id="ppl-tile-title" className="ppl-tile__title">
        {t('tile.title')}
      </h2>
      {!board ? (
        <Spinner label={t('loading')} size="sm" />
      ) : (
        <ul className="ppl-tile__list">
          <li className="ppl-tile__row">
            <span>{t('tile.inCountry')}</span>
            <span className="ppl-tile__number">{n(board.inCountry)}</span>
          </li>
          <li className={board.notBriefed.length ? 'ppl-tile__row ppl-warn' : 'ppl-tile__row'}>
            <span>{t('tile.notBriefed')}</span>
            <span className="ppl-tile__number" data-testid="tile-not-briefed">
              {n(board.notBriefed.length)}
            </span>
          </li>
          {board.notBriefed.slice(0, 3).map((p) => (
            <li key={p.id} className="ppl-tile__name">
              {p.name}
            </li>
          ))}
          <li className={board.training.length ? 'ppl-tile__row ppl-warn' : 'ppl-tile__row'}>
            <span>{t('tile.training')}</span>
            <span className="ppl-tile__number">{n(board.training.length)}</span>
          </li>
        </ul>
      )}
      <Link className="ppl-tile__more" to="/people">
        {t('tile.open')}
      </Link>
    </section>
  );
}
