import { registerFeature } from '../../app/registry';
import { AuditVerifyPanel } from './AuditVerifyPanel';
import { AutoLockPanel } from './AutoLockPanel';
import { ChangePassphrasePanel } from './ChangePassphrasePanel';
import { EraseVaultPanel } from './EraseVaultPanel';
import './security.css';
import ar from './locales/ar.json';
import en from './locales/en.json';
import es from './locales/es.json';
import fr from './locales/fr.json';

/** Vault hardening panels in Settings: passphrase, audit check, and the danger zone last of all. */
registerFeature({
  id: 'security',
  translations: { en, fr, es, ar },
  settingsPanels: [
    { id: 'security.autoLock', order: 75, titleKey: 'autoLockTitle', element: AutoLockPanel },
    { id: 'security.passphrase', order: 80, titleKey: 'passphraseTitle', element: ChangePassphrasePanel },
    { id: 'security.audit', order: 85, titleKey: 'auditTitle', element: AuditVerifyPanel },
    { id: 'security.erase', order: 1000, titleKey: 'eraseTitle', element: EraseVaultPanel },
  ],
});
