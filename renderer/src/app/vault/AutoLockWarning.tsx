import { useTranslation } from 'react-i18next';
import { useVigilQuery } from '../../lib/queries';
import { useAutoLock } from './useAutoLock';
import './vault.css';

/**
 * Runs the window's auto-lock and, shortly before it locks, says so: open forms live only in this
 * window's memory, so the lock would discard what was typed and not saved.
 */
export function AutoLockWarning() {
  const { t } = useTranslation('security');
  const settings = useVigilQuery('settings.get', {});
  const secondsLeft = useAutoLock(settings.data?.autoLockMinutes);
  if (secondsLeft === null) return null;
  return (
    <div className="vault-autolock" role="alert" data-testid="auto-lock-warning">
      <strong>{t('autoLock.warning', { seconds: secondsLeft })}</strong>
      <span>{t('autoLock.unsaved')}</span>
    </div>
  );
}
