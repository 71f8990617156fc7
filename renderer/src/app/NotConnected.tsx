import { Trans, useTranslation } from 'react-i18next';
import { VaultFrame } from './vault/VaultFrame';

/** Browser mode without a valid token: nothing else can work, so say exactly how to get in. */
export function NotConnected() {
  const { t } = useTranslation('shell');
  return (
    <VaultFrame>
      <h1 className="vault-card__title">{t('connection.title')}</h1>
      <p className="vault-card__intro" role="alert">
        {/* The command stays left-to-right inside an Arabic sentence. */}
        <Trans t={t} i18nKey="connection.body" components={{ code: <code className="vault-card__code" dir="ltr" /> }} />
      </p>
      <p className="vault-card__hint">{t('connection.hint')}</p>
    </VaultFrame>
  );
}
