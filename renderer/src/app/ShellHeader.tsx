import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import { Button } from '../components';
import { handleVaultLocked, useVigilMutation } from '../lib/queries';
import { CurrentPhase } from './CurrentPhase';
import { headerItems } from './registry';

const isLockShortcut = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';

/** Drawn inline: an emoji would depend on whatever fonts the laptop happens to have. */
function LockIcon() {
  return (
    <svg className="shell-header__lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 3.5a2 2 0 1 1 4 0V7H6V4.5Z"
      />
    </svg>
  );
}

export function ShellHeader({ settings }: { settings: Settings | undefined }) {
  const { t } = useTranslation('shell');
  const lock = useVigilMutation('vault.lock', { onSuccess: () => handleVaultLocked() });
  const { mutate, isPending } = lock;

  // Ctrl+L locks from anywhere: walking away from the laptop must take one gesture.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      if (!isPending) mutate({});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mutate, isPending]);

  return (
    <header className="shell-header">
      <div className="shell-header__brand">
        <span className="shell-header__logo" aria-hidden="true">
          V
        </span>
        <span className="shell-header__app">{t('app.name')}</span>
      </div>
      <div className="shell-header__delegation">
        <span className="shell-header__delegation-name">{settings?.delegationName}</span>
        {settings?.officerName && <span className="shell-header__officer">{t('header.officer', { name: settings.officerName })}</span>}
      </div>
      <div className="shell-header__end">
        {headerItems().map(({ id, element: Item }) => (
          <Item key={id} />
        ))}
        <CurrentPhase />
        <Button variant="ghost" className="shell-header__lock" onClick={() => mutate({})} busy={isPending} title={t('header.lockTitle')} aria-keyshortcuts="Control+L">
          <LockIcon />
          {t('header.lock')}
        </Button>
      </div>
    </header>
  );
}
