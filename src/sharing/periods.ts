/**
 * Periods of recorded outputs and the term windows of an agreement, in whole days. A period is a
 * year '2021', a quarter '2021-Q3' or a month '2021-07'; it covers [start, end) in day numbers.
 * The part of a period inside a window is counted in days, so a term that starts mid-year shares
 * the matching fraction of that year's amount.
 */
import { z } from 'zod'
import { dayFromNumber, dayNumber } from '../supervision/dates.ts'

export const PERIOD_KINDS = ['year', 'quarter', 'month'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

const PATTERNS: { readonly [K in PeriodKind]: RegExp } = {
  year: /^(\d{4})$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
}

export function periodKind(period: string): PeriodKind | null {
  for (const k of PERIOD_KINDS) if (PATTERNS[k].test(period)) return k
  return null
}

export const periodSchema = z.string().refine((p) => periodKind(p) !== null, {
  message: "expected a period such as '2021', '2021-Q3' or '2021-07'",
})

export interface Span {
  start: number
  end: number
}

const day = (y: number, m: number) => dayNumber(`${y}-${String(m).padStart(2, '0')}-01`)

/** The days a period covers, [start, end). */
export function periodSpan(period: string): Span {
  const kind = periodKind(period)
  const y = Number(period.slice(0, 4))
  if (kind === 'year') return { start: day(y, 1), end: day(y + 1, 1) }
  if (kind === 'quarter') {
    const q = Number(period.slice(6))
    const m = (q - 1) * 3 + 1
    return { start: day(y, m), end: q === 4 ? day(y + 1, 1) : day(y, m + 3) }
  }
  if (kind === 'month') {
    const m = Number(period.slice(5))
    return { start: day(y, m), end: m === 12 ? day(y + 1, 1) : day(y, m + 1) }
  }
  throw new Error(`not a period: ${period}`)
}

export const overlapDays = (a: Span, b: Span) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))

/** The day `years` calendar years after `start` (29 Feb → 1 Mar in common years). */
export function addYears(start: number, years: number): number {
  const d = new Date(start * 86_400_000)
  return Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()) / 86_400_000
}

export const toDay = dayFromNumber
export { dayNumber }

/** Chronological order: by start, then the longer period first, then by name. */
export function comparePeriods(a: string, b: string): number {
  const sa = periodSpan(a)
  const sb = periodSpan(b)
  return sa.start - sb.start || sb.end - sa.end || a.localeCompare(b)
}
