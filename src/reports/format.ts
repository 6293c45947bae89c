/**
 * Numbers as every report format prints them: at most two decimals, thousands grouped, the same
 * in zh and en, so a figure can be found in the extracted text of any format (and tests can
 * compare it with the store's value through this one function).
 */
const NF = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 0 })

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return NF.format(Object.is(Math.round(v * 100) / 100, -0) ? 0 : v)
}

/** A probability as a whole percentage. */
export const formatPercent = (p: number): string => `${Math.round(p * 100)}%`
