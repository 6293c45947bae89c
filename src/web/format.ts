/** The Intl locale of a UI language: English, else Chinese (the default). */
export const localeOf = (lang: string): string => (lang === 'en' ? 'en-US' : 'zh-CN')

/**
 * Numbers as officials read them: grouped thousands, precision by size. A value that rounds to zero
 * is "0", never "-0" (a tiny negative β of −0.0000001, or −0 itself).
 */
export function formatValue(v: number, lang: string): string {
  const digits = Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 100 ? 1 : 2
  return v.toLocaleString(localeOf(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
    // the minus sign only for a number that is still negative once rounded
    signDisplay: 'negative',
  })
}

/** A share (0.12) as a whole percentage ("12%"); one that rounds to zero is "0%", never "-0%". */
export function formatPercent(share: number, lang: string): string {
  return share.toLocaleString(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'negative',
  })
}

export const CENTRAL_PROVINCES = ['14', '34', '36', '41', '42', '43'] as const

/** ECharts tooltips are HTML: every text from the data goes through this. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}
