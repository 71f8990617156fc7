import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { PREMISES_TYPES, type PremisesType } from '../../../../shared/contract/premises';
import type { GridView } from '../../../../shared/contract/grid';
import './premises.css';

/** How many premises match a filter; the core counts, the renderer never loads the rows for it. */
function useCount(filterModel: GridView['filterModel']): number | undefined {
  return useVigilQuery('premises.list', { startRow: 0, endRow: 1, filterModel }).data?.total;
}

function TypeCount({ type }: { type: PremisesType }) {
  const { t, i18n } = useTranslation('premises');
  const count = useCount({ type: { filterType: 'text', type: 'equals', filter: type } });
  if (!count) return null;
  return (
    <li className="premises-tile__row">
      <span>{t(`types.${type}`)}</span>
      <span className="premises-tile__number">{count.toLocaleString(i18n.language)}</span>
    </li>
  );
}

/** Home: premises by type, and how many have a safe room (the first thing asked in a crisis). */
export function PremisesHomeTile() {
  const { t, i18n } = useTranslation('premises');
  const total = useCount({});
  const safeRooms = useCount({ safeRoom: { filterType: 'text', type: 'equals', filter: 'yes' } });

  return (
    <section className="premises-tile" aria-labelledby="premises-tile-title">
      <h2 id="premises-tile-title" className="premises-tile__title">
        {t('tile.title')}
      </h2>
      {total === undefined ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : total === 0 ? (
        <EmptyState compact title={t('tile.empty')} action={<Link to="/premises">{t('tile.add')}</Link>} />
      ) : (
        <>
          <p className="premises-tile__total">
            <span>{t('tile.totalLabel')}</span>
            <span className="premises-tile__big">{total.toLocaleString(i18n.language)}</span>
          </p>
          <ul className="premises-tile__list">
            {PREMISES_TYPES.map((type) => (
              <TypeCount key={type} type={type} />
            ))}
          </ul>
          <p className="premises-tile__safe">{t('tile.safeRooms', { count: safeRooms ?? 0, total })}</p>
          <Link className="premises-tile__more" to="/premises">
            {t('tile.open')}
          </Link>
        </>
      )}
    </section>
  );
}
