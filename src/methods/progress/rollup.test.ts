/** Roll-up over targets with mixed directions (hand-checkable counts and means). */
import { describe, expect, it } from 'vitest'
import { openSdg } from './opensdg.ts'
import { rollup } from './rollup.ts'
import type { ProgressSeries } from './types.ts'

const series = (o: Partial<ProgressSeries>): ProgressSeries => ({
  id: 's',
  direction: 1,
  baseYear: 2015,
  baseValue: 100,
  currentYear: 2020,
  currentValue: 110,
  target: null,
  targetYear: null,
  limit: null,
  referenceBase: null,
  referenceCurrent: null,
  ...o,
})

describe('roll-up', () => {
  it('counts statuses and averages direction-normalised scores', () => {
    // a benefit indicator up 10% and a cost indicator down 10% over five years: both improve.
    const up = openSdg(series({}))
    const down = openSdg(series({ direction: -1, currentValue: 90 }))
    expect(up.status).toBe('on_track')
    expect(down.status).toBe('on_track')
    // raw CAGRs (+1.92%, −2.09%) nearly cancel; the scores do not
    expect((up.cagr_actual! + down.cagr_actual!) / 2).toBeLessThan(0)
    const r = rollup([up, down])
    expect(r.counts.on_track).toBe(2)
    expect(r.mean_score).toBeCloseTo((up.score! + down.score!) / 2, 12)
    expect(r.mean_score!).toBeGreaterThan(2.5)
  })

  it('leaves unassessed targets out of the share and null scores out of the mean', () => {
    const r = rollup([
      { status: 'achieved', score: 5 },
      { status: 'off_track', score: 1 },
      { status: 'regressing', score: -4 },
      { status: 'not_assessable', score: null },
      { status: 'insufficient_data', score: null },
    ])
    expect(r).toMatchObject({ n: 5, assessed: 3, mean_score: 2 / 3 })
    expect(r.share_on_course).toBeCloseTo(1 / 3, 12)
    expect(r.counts).toEqual({
      achieved: 1,
      on_track: 0,
      off_track: 1,
      regressing: 1,
      insufficient_data: 1,
      not_assessable: 1,
    })
    expect(rollup([])).toMatchObject({ n: 0, mean_score: null, share_on_course: null })
  })
})
