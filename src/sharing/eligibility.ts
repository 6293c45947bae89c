/**
 * Which firms share, and the origin's cap. JJJ 2015 (财预〔2015〕92号): a government-led move of a
 * firm that paid on average at least the threshold in shared taxes a year over the 3 years before
 * moving, on a list both provinces confirm; the origin's cumulative share is capped at the sum of
 * those 3 years' taxes.
 */
import type { Project, Terms } from './agreement.ts'
import { sum, toUnits } from './decimal.ts'

export type IneligibleReason = 'not_confirmed' | 'below_threshold'

/** The last `n` prior years, newest first. */
const lastYears = (p: Project, n: number) => [...p.priorTax].sort((a, b) => b.year - a.year).slice(0, n)

export function ineligibility(p: Project, terms: Terms): IneligibleReason[] {
  const reasons: IneligibleReason[] = []
  const e = p.eligibility
  if (terms.eligibility.requireBothConfirmations && (!e.confirmedByOrigin || !e.confirmedByHost))
    reasons.push('not_confirmed')
  const min = terms.eligibility.minAveragePriorTax
  if (min !== null) {
    const n = terms.cap.priorYears
    const years = lastYears(p, n)
    // average ≥ min ⇔ sum ≥ n·min, exact in integers; missing years count as zero
    if (years.length < n || sum(years.map((y) => toUnits(y.amount))) < BigInt(n) * toUnits(min))
      reasons.push('below_threshold')
  }
  return reasons
}

/** The origin's cap in 0.0001 units, or null when the agreement sets none. */
export function capOf(p: Project, terms: Terms): bigint | null {
  if (terms.cap.rule === 'none') return null
  if (terms.cap.rule === 'fixed') return toUnits(p.capAmount ?? '0')
  return sum(lastYears(p, terms.cap.priorYears).map((y) => toUnits(y.amount)))
}

/** The day the clock starts: the later of the registration change and reaching production. */
export function startDay(p: Project): string | null {
  if (!p.registrationChangedOn || !p.productionReachedOn) return null
  // ISO days order as strings
  return [p.registrationChangedOn, p.productionReachedOn].sort()[1] ?? null
}
