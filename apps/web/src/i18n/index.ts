import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export type Language = 'vi' | 'en';
const LANG_KEY = 'vufo.lang';

/** Vietnamese by default; the English switch is remembered in this browser. */
export function initialLanguage(): Language {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

export function rememberLanguage(lang: Language): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'vi',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
