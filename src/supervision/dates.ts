/**
 * Calendar arithmetic for supervision: deadlines, report periods and elapsed schedule shares.
 * Days are ISO 'YYYY-MM-DD' strings compared in whole days, so no time zone enters a deadline
 * check; timestamps (`at`) become days in Beijing time, the calendar the deadlines are set in.
 */
import { z } from 'zod'

const DAY_MS = 86_400_000
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** Day number since 1970-01-01, or NaN when the string is not a real calendar day. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return Number.NaN
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = Date.UTC(y, mo - 1, d)
  const back = new Date(t)
  // Date.UTC rolls 2025-02-30 over to March; a rolled-over day is not a real day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN
  return t / DAY_MS
}

export const isoDaySchema = z
  .string()
  .refine((s) => Number.isFinite(dayNumber(s)), { message: 'expected a calendar day YYYY-MM-DD' })

export const isoDateTimeSchema = z.iso.datetime({ offset: true })

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from)

export const dayFromNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

/** The Beijing-time calendar day of a timestamp. */
export const beijingDay = (at: string) =>
  new Date(Date.parse(at) + BEIJING_OFFSET_MS).toISOString().slice(0, 10)

export const Cadence = ['monthly', 'quarterly'] as const
export type Cadence = (typeof Cadence)[number]

const PERIOD_RE: Record<Cadence, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
}

/** First and last day of a report period ('2025-03' monthly, '2025-Q1' quarterly), or null. */
export function periodBounds(cadence: Cadence, period: string): { first: string; last: string } | null {
  const m = PERIOD_RE[cadence].exec(period)
  if (!m) return null
  const year = Number(m[1])
  const firstMonth = cadence === 'monthly' ? Number(m[2]) : (Number(m[2]) - 1) * 3 + 1
  const months = cadence === 'monthly' ? 1 : 3
  const first = Date.UTC(year, firstMonth - 1, 1) / DAY_MS
  const next = Date.UTC(year, firstMonth - 1 + months, 1) / DAY_MS
  return { first: dayFromNumber(first), last: dayFromNumber(next - 1) }
}
