/**
 * Roll-up of several targets (a goal area, a whole plan): how many are in each status, and the
 * mean of their direction-normalised scores.
 *   counts[s] = #{i : status_i = s}
 *   mean_score = Σ score_i / #{i : score_i not null}
 *   share_on_course = #{achieved or on_track} / #{assessed},  assessed = all but
 *                     insufficient_data and not_assessable
 * Every method's score already points the same way whatever the indicator's direction (higher
 * score = better: Open SDG's −5…5 uses d·CAGR, UNSD's 1…3, the trajectory ratio), so targets with
 * opposite directions can be averaged; raw values or raw growth rates must never be, since a
 * falling cost indicator and a rising benefit indicator would cancel out. Scores from different
 * methods are on different scales: roll up one method at a time. Missing (null/NaN) scores are
 * left out of the mean; the mean is null when none is left.
 */
import { STATUSES, type Status } from './status.ts'

export interface RollupItem {
  status: Status
  score: number | null
}

export interface Rollup {
  n: number
  counts: Record<Status, number>
  assessed: number
  share_on_course: number | null
  mean_score: number | null
}

export function rollup(items: readonly RollupItem[]): Rollup {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>
  let sum = 0
  let scored = 0
  for (const it of items) {
    counts[it.status]++
    if (it.score !== null && Number.isFinite(it.score)) {
      sum += it.score
      scored++
    }
  }
  const assessed = items.length - counts.insufficient_data - counts.not_assessable
  return {
    n: items.length,
    counts,
    assessed,
    share_on_course: assessed > 0 ? (counts.achieved + counts.on_track) / assessed : null,
    mean_score: scored > 0 ? sum / scored : null,
  }
}
