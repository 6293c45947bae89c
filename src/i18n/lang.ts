/**
 * The one place that decides which language a person is answered in. The web app stores the
 * user's choice in the browser and in the `jueqi-lang` cookie (src/web/i18n/index.ts); the
 * server reads, in order: an explicit `?lang=`, that cookie, then `Accept-Language` by its
 * q-values; zh-CN when none of them names zh or en.
 */
export type Lang = 'zh-CN' | 'en'

export const LANG_COOKIE = 'jueqi-lang'

/** zh, zh-CN, zh-Hans… → zh-CN; en, en-GB… → en; anything else → undefined. */
export function langOf(tag: string | undefined): Lang | undefined {
  const t = tag?.trim().toLowerCase()
  if (!t) return undefined
  if (t === 'en' || t.startsWith('en-')) return 'en'
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN'
  return undefined
}

/** The first of zh/en by q-value in an Accept-Language header (ties keep the header's order). */
export function fromAcceptLanguage(header: string | undefined): Lang | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
      return { lang: langOf(tag), q: q === undefined ? 1 : Number(q), i }
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
  return ranked[0]?.lang
}

export function pickLang(
  query: string | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Lang {
  return langOf(query) ?? langOf(cookie) ?? fromAcceptLanguage(acceptLanguage) ?? 'zh-CN'
}
