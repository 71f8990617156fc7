import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { navEntries } from './registry';

const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'shell-nav__link shell-nav__link--active' : 'shell-nav__link');

/** Home first, the registered modules in their order, Settings last. */
export function SideNav() {
  const { t } = useTranslation('shell');
  return (
    <nav className="shell-nav" aria-label={t('nav.label')}>
      <ul className="shell-nav__list">
        <li>
          <NavLink to="/" end className={linkClass}>
            {t('nav.home')}
          </NavLink>
        </li>
        {navEntries().map((entry) => (
          <li key={entry.path}>
            <NavLink to={entry.path} className={linkClass}>
              {t(entry.labelKey, { ns: entry.ns })}
            </NavLink>
          </li>
        ))}
      </ul>
      <ul className="shell-nav__list shell-nav__list--end">
        <li>
          <NavLink to="/settings" className={linkClass}>
            {t('nav.settings')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
