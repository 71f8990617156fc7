import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import './contacts.css';

/** Home: how many contacts are going cold (not contacted for 90+ days, or never). */
export function ContactsHomeTile() {
  const { t, i18n } = useTranslation('contacts');
  const summary = useVigilQuery('contacts.summary', {});
  const s = summary.data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <section className="contacts-tile" aria-labelledby="contacts-tile-title">
      <h2 id="contacts-tile-title" className="contacts-tile__title">
        {t('tile.title')}
      </h2>
      {!s ? (
        <Spinner label={t('page.loading')} size="sm" />
      ) : s.contacts === 0 ? (
        <EmptyState compact title={t('tile.empty')} action={<Link to="/contacts">{t('tile.add')}</Link>} />
      ) : (
        <>
          <p className="contacts-tile__total">
            <span>{t('tile.stale', { count: s.stale, days: n(s.staleDays) })}</span>
            <span className={`contacts-tile__big${s.stale > 0 ? ' is-stale' : ''}`}>{n(s.stale)}</span>
          </p>
          <p className="contacts-muted">
            {t('tile.totals', { contacts: n(s.contacts), organisations: n(s.organisations) })}
          </p>
          {s.sensitive > 0 && <p className="contacts-muted">{t('tile.sensitive', { count: s.sensitive })}</p>}
          <Link className="contacts-tile__more" to="/contacts">
            {t('tile.open')}
          </Link>
        </>
      )}
    </section>
  );
}
