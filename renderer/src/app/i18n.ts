import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/contract/common';
import { registeredFeatures } from './registry';

/** The UI language before unlock. Not secret: it only decides how the unlock screen reads. */
export const LANG_STORAGE_KEY = 'vigil.lang';

/**
 * Each language named in itself, never translated: whoever opens the list must find their own language
 * whatever the interface is showing at the time.
 */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

const RTL_LANGUAGES: ReadonlySet<Language> = new Set(['ar']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANG_STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be disabled; English is then as good a guess as any.
  }
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

function applyDocumentLanguage(language: string): void {
  const lang: Language = isLanguage(language) ? language : 'en';
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
}

/**
 * Builds the i18next resources from every registered feature: a feature's id is its namespace. Call once,
 * after renderer/src/features has been imported (that import is what registers them).
 */
export function initI18n(): typeof i18next {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of LANGUAGES) resources[lang] = {};
  for (const feature of registeredFeatures()) {
    for (const lang of LANGUAGES) resources[lang]![feature.id] = feature.translations[lang];
  }
  i18next.on('languageChanged', applyDocumentLanguage);
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    ns: registeredFeatures().map((f) => f.id),
    defaultNS: 'shell',
    // React already escapes what it renders.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    initAsync: false,
  });
  applyDocumentLanguage(i18next.language);
  return i18next;
}

/** Switches the interface language now and remembers it for the next unlock screen. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, language);
  } catch {
    // Without storage the choice still holds for this session.
  }
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export { i18next as i18n };
