import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Select } from '../../components';
import { isLanguage, setLanguage } from '../i18n';
import { languageOptions } from '../languageOptions';

/** Before unlock the settings cannot be read, so the language is chosen here and kept in localStorage. */
export function LanguagePicker() {
  const { t, i18n } = useTranslation('shell');
  const id = useId();
  return (
    <div className="vault-lang">
      <label htmlFor={id} className="v-visually-hidden">
        {t('vault.firstRun.language')}
      </label>
      <Select
        id={id}
        className="vault-lang__select"
        value={i18n.language}
        onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
      >
        {languageOptions.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
