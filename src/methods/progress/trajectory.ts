/**
 * Pro-rata pacing (序时进度): the share of the distance to the goal covered so far, against the
 * share of the plan period elapsed — the "time-schedule progress" test of Chinese plan
 * supervision and mid-term evaluation, and the linear trajectory of delivery-unit monitoring.
 *   progress p = (x_t − x_b)/(g − x_b),   elapsed e = min(1, (t − b)/(D − b)),   ratio = p/e
 * Status, with d the desired direction (+1 higher is better):
 *   achieved    d·(x_t − g) ≥ 0 (the goal is reached);
 *   regressing  p < 0 (moved away from the goal since the base year), or the goal was met at the
 *               base year and has been lost since;
 *   on_track    ratio ≥ `onTrack` (0.95 by default: "basically in line", 基本符合预期; > 1 is
 *               ahead of schedule, 快于预期);  off_track otherwise.
 * A goal equal to the base value, or a deadline not after the base year, is not_assessable; a
 * current year not after the base year is insufficient_data. Past the deadline e = 1, so the
 * ratio is the share covered. Values may be of any sign: only differences are used.
 */
import { ON_TRACK, type Status } from './status.ts'
import type { Sign } from './types.ts'

export interface Pace {
  status: Status
  ahead: boolean
  progress: number | null
  elapsed: number | null
  ratio: number | null
  reason: string
}

export interface PaceInput {
  /** desired direction; when absent it is taken from the goal's side of the base (earlier callers) */
  direction?: Sign
  baseYear: number
  base: number
  year: number
  value: number
  goal: number
  deadline: number
  /** the ratio from which a series counts as on track (default 0.95) */
  onTrack?: number
}

export function trajectory(input: PaceInput): Pace {
  const o = { ...input, direction: input.direction ?? (input.goal >= input.base ? 1 : -1) }
  const none = { ahead: false, progress: null, elapsed: null, ratio: null }
  if (o.direction * (o.value - o.goal) >= 0)
    return { status: 'achieved', ...none, reason: 'the goal is reached' }
  if (o.direction * (o.goal - o.base) <= 0)
    return o.goal === o.base
      ? { status: 'not_assessable', ...none, reason: 'the goal equals the base value' }
      : { status: 'regressing', ...none, reason: 'the goal was met at the base year and has been lost' }
  if (!(o.deadline > o.baseYear))
    return { status: 'not_assessable', ...none, reason: 'the deadline is not after the base year' }
  if (!(o.year > o.baseYear))
    return { status: 'insufficient_data', ...none, reason: 'no figure after the base year' }
  const progress = (o.value - o.base) / (o.goal - o.base)
  const elapsed = Math.min(1, (o.year - o.baseYear) / (o.deadline - o.baseYear))
  const ratio = progress / elapsed
  const q = { progress, elapsed, ratio }
  const pct = (x: number) => `${Math.round(x * 100)}%`
  if (progress < 0)
    return {
      status: 'regressing',
      ahead: false,
      ...q,
      reason: 'moved away from the goal since the base year',
    }
  // 1e-9: a series exactly on the path is "on track", not "ahead", despite rounding
  return {
    status: ratio >= (o.onTrack ?? ON_TRACK) ? 'on_track' : 'off_track',
    ahead: ratio > 1 + 1e-9,
    ...q,
    reason: `${pct(progress)} of the way in ${pct(elapsed)} of the time`,
  }
}
