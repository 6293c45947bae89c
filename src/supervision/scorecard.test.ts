/** The scorecard's arithmetic on a case worked by hand (each total is summed in the comments). */
import { describe, expect, it } from 'vitest'
import { score, scoringSchemeSchema } from './scorecard.ts'

const scheme = scoringSchemeSchema.parse({
  id: 't',
  version: '1.0.0',
  targets: { achieved: 10, on_track: 8, off_track: 4, regressing: 0, insufficient_data: 0 },
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
