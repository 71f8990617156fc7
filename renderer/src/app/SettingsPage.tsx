import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components';
import { GeneralSettingsPanel } from '../features/shell/GeneralSettingsPanel';
import { settingsPanels } from './registry';

/** The built-in General panel first, then every module's panel in its registered order. */
export function SettingsPage() {
  const { t } = useTranslation('shell');
  return (
    <div className="shell-page shell-page--narrow">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <section className="settings-panel" aria-labelledby="settings-general">
        <h2 className="settings-panel__title" id="settings-general">
          {t('settings.general.title')}
        </h2>
        <GeneralSettingsPanel />
      </section>
      {settingsPanels().map(({ id, ns, titleKey, element: Panel }) => (
        <section key={id} className="settings-panel" aria-labelledby={`settings-${id}`}>
          <h2 className="settings-panel__title" id={`settings-${id}`}>
            {t(titleKey, { ns })}
          </h2>
          <Panel />
        </section>
      ))}
    </div>
  );
}
