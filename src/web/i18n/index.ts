import i18n from 'i18next'
import { initReactI18next, useTranslation } from 'react-i18next'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

export type Lang = 'zh-CN' | 'en'
const KEY = 'jueqi-lang'

export function storedLang(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
}

/** Remember the choice in the browser and in a cookie, so the API answers errors in the same language. */
export function setLang(lang: Lang): void {
  localStorage.setItem(KEY, lang)
  // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie read by the server
  document.cookie = `${KEY}=${lang}; path=/; max-age=31536000; samesite=lax`
  void i18n.changeLanguage(lang)
}

// the page's language for screen readers, hyphenation and fonts follows the chosen one, from the start
i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang
})

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
})
// the page says its language from the start, not only after a switch
document.documentElement.lang = storedLang()

/** Names of regions and indicators in the current language. */
export function useLangName() {
  const { i18n: inst } = useTranslation()
  const isEn = inst.language === 'en'
  return (x: { nameZh: string; nameEn: string } | undefined, fallback = '') =>
    x ? (isEn ? x.nameEn : x.nameZh) : fallback
}

export default i18n
