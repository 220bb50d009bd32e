import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './zh';
import { en } from './en';
import { FIELD_LABELS } from './fields';

export const LANG_KEY = 'cadre.lang';
export type Lang = 'zh-CN' | 'en';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

const fieldsZh = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, v]) => [k, v[0]]));
const fieldsEn = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, v]) => [k, v[1]]));

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zh, field: fieldsZh } },
    en: { translation: { ...en, field: fieldsEn } },
  },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode */
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

document.documentElement.lang = i18n.language;

export default i18n;
