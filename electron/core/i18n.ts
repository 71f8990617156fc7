import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../shared/contract/common';
import en from './locales/en.json';
import fr from './locales/fr.json';
import es from './locales/es.json';
import ar from './locales/ar.json';

/**
 * Core's own translations: export headers, values and report texts, written by core in the language the
 * user chose, independently of the renderer.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: { en: { core: en }, fr: { core: fr }, es: { core: es }, ar: { core: ar } },
  defaultNS: 'core',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function translator(lang: Language): TFunction {
  return instance.getFixedT(lang, 'core');
}
