/** The roles table in English as README.md carries it, translated with the web app's English catalogue. */
import { createInstance } from 'i18next'
import { en } from './i18n/en.ts'
import { rolesMarkdown } from './roles-table.ts'

export async function englishRolesMarkdown(): Promise<string> {
  const i18n = createInstance()
  await i18n.init({
    resources: { en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  })
  return rolesMarkdown((key) => i18n.t(key))
}
