/** The Intl locale of a UI language: English, else Chinese (the default). */
export const localeOf = (lang: string): string => (lang === 'en' ? 'en-US' : 'zh-CN')

/**
 * Numbers as officials read them: grouped thousands, precision by size, and at least two significant
 * digits below 1 so that a non-zero estimate never prints as 0 (a β of −0.0041 is "-0.0041", not
 * "0"); below 10⁻⁴ in scientific form ("4.1×10⁻⁵"). Only zero prints "0", and never "-0".
 */
export function formatValue(v: number, lang: string): string {
  if (v === 0) return '0'
  if (Math.abs(v) < 1e-4) return scientific(v, lang)
  return v.toLocaleString(localeOf(lang), {
    maximumFractionDigits: decimalsFor(v),
    minimumFractionDigits: 0,
  })
}

/** Decimals a value is shown with: fewer as it grows, two significant digits below 1. */
export function decimalsFor(v: number): number {
  const a = Math.abs(v)
  if (a >= 1000) return 0
  if (a >= 100) return 1
  if (a >= 1 || a === 0) return 2
  return 1 - Math.floor(Math.log10(a))
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴' }
Object.assign(SUPERSCRIPT, { '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' })

/** "-4.1×10⁻⁵": two significant digits and a superscript exponent, the same in both languages. */
function scientific(v: number, lang: string): string {
  const [mantissa, exponent] = v.toExponential(1).split('e')
  const m = Number(mantissa).toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })
  const e = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)
  return `${m}×10${e}`
}

/**
 * The change from `previous` to `latest`, rounded to the decimals the two values are shown with:
 * a change that rounds to zero has direction 0 (no arrow, no colour) rather than "▲ 0".
 */
export function changeOf(
  latest: number,
  previous: number,
  lang: string,
): { direction: -1 | 0 | 1; text: string } {
  const scale = 10 ** Math.max(decimalsFor(latest), decimalsFor(previous))
  const rounded = Math.round(Math.abs(latest - previous) * scale) / scale
  if (rounded === 0) return { direction: 0, text: '0' }
  return { direction: latest > previous ? 1 : -1, text: formatValue(rounded, lang) }
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
