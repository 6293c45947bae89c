/**
 * What a person reads on a page, for the tests that keep each language to its own: the crawler
 * (language.e2e.ts) and the first-day walk (first-day.e2e.ts) use the same reading.
 */
import type { Page } from 'playwright-core'
import { foreignText, type PageLang } from './language.ts'

/**
 * The texts a person sees on the page, in `lang`: visible text, titles, labels, placeholders and
 * alternative texts, and the names drawn in charts (canvas, so read from the chart's option).
 */
export function seenTexts(page: Page, lang: PageLang): Promise<string[]> {
  return page.evaluate((pageLang) => {
    const primary = pageLang.slice(0, 2)
    const exempt = (el: Element | null): boolean => {
      // Ant Design's icons label themselves with the icon's English file name ("down", "ellipsis"):
      // left out here and listed as not done in src/web/README.md
      if (el?.closest('.anticon')) return true
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (e.tagName === 'CITE') return true
        const l = e.getAttribute('lang')
        if (l && !l.startsWith(primary)) return true
      }
      return false
    }
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      const text = n.textContent?.trim()
      if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue
      if (!el.checkVisibility({ visibilityProperty: true }) || exempt(el)) continue
      out.push(text)
    }
    for (const el of document.body.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      if (exempt(el)) continue
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim()
        if (v) out.push(v)
      }
    }
    type Named = { name?: unknown; text?: unknown; data?: unknown }
    for (const el of document.querySelectorAll('div')) {
      const chart = (el as HTMLDivElement & { __echarts?: { getOption: () => Record<string, unknown> } })
        .__echarts
      if (!chart) continue
      const option = chart.getOption()
      const parts = (k: string) => (option[k] as Named[] | undefined) ?? []
      for (const x of [...parts('title'), ...parts('series'), ...parts('xAxis'), ...parts('yAxis')]) {
        for (const v of [x.name, x.text]) if (typeof v === 'string') out.push(v)
      }
      for (const axis of [...parts('xAxis'), ...parts('yAxis'), ...parts('legend')])
        for (const d of (axis.data as unknown[] | undefined) ?? [])
          out.push(typeof d === 'string' ? d : String((d as Named)?.name ?? ''))
    }
    return out
  }, lang)
}

/**
 * The foreign words of one page (each with the text it was found in); `codes` are the identifiers the
 * page may show as they are (indicator keys, user names, object ids).
 */
export async function foreignOnPage(
  page: Page,
  lang: PageLang,
  codes: Iterable<string> = [],
): Promise<string[]> {
  const allowed = [...codes]
  const out = new Map<string, string>()
  for (const text of await seenTexts(page, lang))
    for (const word of foreignText(text, lang, allowed))
      if (!out.has(word)) out.set(word, text.length > 90 ? `${text.slice(0, 90)}…` : text)
  return [...out].map(([word, text]) => (word === text ? word : `${word}  ‹${text}›`))
}
