import { useTranslation } from 'react-i18next';
import { Button, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { errorText } from '../notify';
import { Shell } from '../Shell';
import { FirstRun } from './FirstRun';
import { Unlock } from './Unlock';
import { VaultFrame } from './VaultFrame';

/** Asks core where the vault stands and shows the one screen that fits: set up, unlock, or the app. */
export function VaultGate() {
  const { t } = useTranslation('shell');
  const status = useVigilQuery('vault.status', {});

  if (status.isPending) {
    return (
      <div className="vault-splash">
        <Spinner label={t('vault.opening')} size="lg" />
      </div>
    );
  }
  if (status.isError) {
    const { text, ref } = errorText(status.error);
    return (
      <VaultFrame>
        <h1 className="vault-card__title">{t('errors.statusFailed')}</h1>
        <p className="vault-card__intro" role="alert">
          {text}
          {ref && <span className="vault-card__ref"> {t('errors.ref', { ref })}</span>}
        </p>
        <Button variant="primary" onClick={() => void status.refetch()}>
          {t('common.retry')}
        </Button>
      </VaultFrame>
    );
  }
  switch (status.data.state) {
    case 'absent':
      return <FirstRun />;
    case 'locked':
      return <Unlock status={status.data} />;
    case 'unlocked':
      return <Shell />;
  }
}
