/**
 * Pro-rata pacing (序时进度): progress made against the share of the plan period elapsed.
 *   p = (x_t − x_b)/(g − x_b),  e = (t − b)/(D − b),  ratio = p/e
 * Achieved when x_t has reached g (in the goal's direction); regressing when p < 0; on track when
 * ratio ≥ 0.95, ahead when ratio > 1; off track otherwise. This is the "time-schedule progress"
 * rule of Chinese plan mid-term evaluations and supervision (序时进度), and deliverology's trajectory.
 */
import { ON_TRACK, type Status } from './status.ts'

export interface Pace {
  status: Status
  ahead: boolean
  progress: number | null
  elapsed: number | null
  ratio: number | null
  reason: string
}

export function trajectory(o: {
  baseYear: number
  base: number
  year: number
  value: number
  goal: number
  deadline: number
}): Pace {
  const none = { progress: null, elapsed: null, ratio: null }
  const sign = o.goal >= o.base ? 1 : -1
  if (sign * (o.value - o.goal) >= 0)
    return { status: 'achieved', ahead: false, ...none, reason: 'the goal is reached' }
  if (o.goal === o.base || o.deadline <= o.baseYear)
    return {
      status: 'not_assessable',
      ahead: false,
      ...none,
      reason: 'no distance or no period to pace against',
    }
  if (o.year <= o.baseYear)
    return { status: 'insufficient_data', ahead: false, ...none, reason: 'no figure after the base year' }
  const progress = (o.value - o.base) / (o.goal - o.base)
  const elapsed = Math.min(1, (o.year - o.baseYear) / (o.deadline - o.baseYear))
  const ratio = progress / elapsed
  if (progress < 0)
    return {
      status: 'regressing',
      ahead: false,
      progress,
      elapsed,
      ratio,
      reason: 'moved away from the goal since the base year',
    }
  const pct = (x: number) => `${Math.round(x * 100)}%`
  return {
    status: ratio >= ON_TRACK ? 'on_track' : 'off_track',
    ahead: ratio > 1,
    progress,
    elapsed,
    ratio,
    reason: `${pct(progress)} of the way in ${pct(elapsed)} of the time`,
  }
}
