/** The scorecard's arithmetic on a case worked by hand (each total is summed in the comments). */
import { describe, expect, it } from 'vitest'
import { score, scoringSchemeSchema } from './scorecard.ts'

const scheme = scoringSchemeSchema.parse({
  id: 't',
  version: '1.0.0',
  targets: { achieved: 10, on_track: 8, off_track: 4, regressing: 0 },
  tasks: { completedOnTime: 5, completedLate: 2, overdue: -3, perOverdueDay: -0.1, overdueDaysCap: 10 },
})

describe('score', () => {
  it('explains every point and ranks with shared ranks for equal totals', () => {
    const out = score(
      scheme,
      [
        // 10 + 4 + 5 (on time: accepted 2026-06-30, deadline 2026-06-30) = 19
        {
          province: '42',
          targets: [
            { id: 'a', status: 'achieved' },
            { id: 'b', status: 'off_track' },
          ],
          tasks: [{ id: 'T1', state: 'accepted', deadline: '2026-06-30', completedOn: '2026-06-30' }],
        },
        // 8 + 8 + 2 (late) + 1 overdue task: −3 and min(10, 20 days) × −0.1 = −1 → 14
        {
          province: '41',
          targets: [
            { id: 'a', status: 'on_track' },
            { id: 'b', status: 'on_track' },
          ],
          tasks: [
            { id: 'T2', state: 'closed', deadline: '2026-06-30', completedOn: '2026-07-02' },
            { id: 'T3', state: 'in_progress', deadline: '2026-11-05' },
          ],
        },
        // 10 + 4 + 5 = 19, ties with 42
        {
          province: '43',
          targets: [
            { id: 'a', status: 'off_track' },
            { id: 'b', status: 'achieved' },
          ],
          tasks: [{ id: 'T4', state: 'accepted', deadline: '2026-12-31', completedOn: '2026-10-01' }],
        },
      ],
      '2026-11-25',
    )
    expect(out.map((s) => [s.province, s.total, s.rank])).toEqual([
      ['42', 19, 1],
      ['43', 19, 1],
      ['41', 14, 3],
    ])
    for (const s of out) expect(s.breakdown.reduce((a, l) => a + l.points, 0)).toBeCloseTo(s.total, 9)
    const henan = out.find((s) => s.province === '41')!
    expect(henan.breakdown.find((l) => l.item === 'tasks.overdue_days')).toMatchObject({
      points: -1,
      refs: ['T3'],
    })
    expect(henan.scheme).toBe('t@1.0.0')
  })

  it('never scores missing data: target points over the assessable targets, scaled to all of them', () => {
    const out = score(
      scheme,
      [
        // 4 targets, 2 assessable: (10 + 10) × 4/2 = 40; the two missing ones are listed, not scored
        {
          province: '42',
          targets: [
            { id: 'a', status: 'achieved' },
            { id: 'b', status: 'achieved' },
            { id: 'c', status: 'insufficient_data', why: 'gdp 2024 missing' },
            { id: 'd', status: 'not_assessable', why: 'zero base' },
          ],
          tasks: [],
        },
        // 4 of 4 assessable: 10 + 8 + 4 + 4 = 26 (under 1.0.0 the first province got 20 and ranked second)
        {
          province: '41',
          targets: [
            { id: 'a', status: 'achieved' },
            { id: 'b', status: 'on_track' },
            { id: 'c', status: 'off_track' },
            { id: 'd', status: 'off_track' },
          ],
          tasks: [],
        },
        // nothing assessable: 5 for the task, no target points, not ranked
        {
          province: '43',
          targets: [{ id: 'a', status: 'insufficient_data' }],
          tasks: [{ id: 'T4', state: 'accepted', deadline: '2026-12-31', completedOn: '2026-10-01' }],
        },
      ],
      '2026-11-25',
    )
    expect(out.map((s) => [s.province, s.total, s.rank, s.assessed, s.targetCount])).toEqual([
      ['42', 40, 1, 2, 4],
      ['41', 26, 2, 4, 4],
      ['43', 5, null, 0, 1],
    ])
    const hubei = out[0]!
    expect(hubei.missing).toEqual([
      { target: 'c', status: 'insufficient_data', why: 'gdp 2024 missing' },
      { target: 'd', status: 'not_assessable', why: 'zero base' },
    ])
    expect(hubei.breakdown).toEqual([
      {
        item: 'targets.achieved',
        points: 40,
        why: '2 × 10 × 4/2 (points per achieved target; scaled from 2 assessable to 4 targets)',
        refs: ['a', 'b'],
      },
    ])
    expect(out[2]!.missing).toEqual([{ target: 'a', status: 'insufficient_data', why: 'insufficient_data' }])
    for (const s of out) expect(s.breakdown.some((l) => l.item.includes('insufficient'))).toBe(false)
  })

  it('reads a 1.0.0 scheme that still gives points for insufficient data, and ignores them', () => {
    const old = scoringSchemeSchema.parse({
      ...scheme,
      targets: { ...scheme.targets, insufficient_data: -5 },
    })
    const [s] = score(
      old,
      [{ province: '42', targets: [{ id: 'a', status: 'insufficient_data' }], tasks: [] }],
      '2026-01-01',
    )
    expect(s).toMatchObject({ total: 0, rank: null, assessed: 0, breakdown: [] })
  })

  it('refuses a scheme whose penalty is positive', () => {
    expect(() =>
      scoringSchemeSchema.parse({
        id: 't',
        version: '1.0.0',
        targets: { achieved: 1, on_track: 1, off_track: 1, regressing: 0, insufficient_data: 0 },
        tasks: { completedOnTime: 1, completedLate: 1, overdue: 3 },
      }),
    ).toThrow(/penalty/)
  })
})
