import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../lib/queries';
import { ShellHeader } from './ShellHeader';
import { SideNav } from './SideNav';
import './shell.css';

export function ShellLayout() {
  const { t } = useTranslation('shell');
  const mainRef = useRef<HTMLElement>(null);
  const settings = useVigilQuery('settings.get', {});
  const location = useLocation();
  const isDemo = settings.data?.isDemo ?? false;
  const delegationName = settings.data?.delegationName;

  useEffect(() => {
    document.title = delegationName ? `${t('app.name')} · ${delegationName}` : t('app.name');
  }, [delegationName, t]);

  // A new page starts at its top, as a full page load would.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [location.pathname]);

  return (
    <div className="shell">
      {/* "#main" would be read as a route by the hash router, so the skip link moves focus itself. */}
      <a
        href="#main"
        className="shell-skip"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('skipLink')}
      </a>
      {isDemo && (
        <div className="shell-demo" role="note">
          {t('demo.banner')}
        </div>
      )}
      <ShellHeader settings={settings.data} />
      <div className="shell-body">
        <SideNav />
        <main className="shell-main" id="main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
