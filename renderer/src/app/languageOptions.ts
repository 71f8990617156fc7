import { LANGUAGES } from '../../../shared/contract/common';
import { LANGUAGE_NAMES } from './i18n';

/** Language choices named in themselves, with `lang` so screen readers pronounce each one right. */
export const languageOptions = LANGUAGES.map((lang) => ({ value: lang, label: LANGUAGE_NAMES[lang], lang }));
