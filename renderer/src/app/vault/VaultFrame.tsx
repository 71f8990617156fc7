import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './vault.css';

/** The calm, centred page the vault screens share (no shell yet: nothing is unlocked). */
export function VaultFrame({ children, aside, wide }: { children: ReactNode; aside?: ReactNode; wide?: boolean }) {
  const { t } = useTranslation('shell');
  return (
    <div className="vault-page">
      <header className="vault-page__brand">
        <span className="vault-page__logo" aria-hidden="true">
          V
        </span>
        <span className="vault-page__name">{t('app.name')}</span>
        <span className="vault-page__tagline">{t('app.tagline')}</span>
        {aside && <div className="vault-page__aside">{aside}</div>}
      </header>
      <main className={wide ? 'vault-card vault-card--wide' : 'vault-card'} id="main">
        {children}
      </main>
    </div>
  );
}
