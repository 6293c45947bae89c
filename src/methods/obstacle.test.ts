/**
 * Obstacle degree. Reference from numpy (2026-11-25), formulas of obstacle.ts:
 *   X = [[.2,.9,.5],[1,1,1],[0,.4,.7]]; w = (.5,.3,.2); F = w*(1-X); O = F/F.sum(axis=1)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromRows } from './matrix.ts'
import { obstacle, subsystemObstacle, topObstacles } from './obstacle.ts'

describe('obstacle degree', () => {
  const m = matrixFromRows(
    ['a', 'b', 'c'],
    ['x', 'y', 'z'],
    [
      [0.2, 0.9, 0.5],
      [1, 1, 1],
      [0, 0.4, 0.7],
    ],
  )
  const r = obstacle(m, [0.5, 0.3, 0.2])

  it('matches the numpy reference and leaves a row without shortfall undefined', () => {
    const O = [0.7547169811320755, 0.05660377358490564, 0.18867924528301888]
    for (let j = 0; j < 3; j++) expect(r.obstacle[j]).toBeCloseTo(O[j]!, 12)
    expect(r.defined).toEqual([true, false, true])
    expect(Number.isNaN(r.obstacle[3]!)).toBe(true)
    expect(r.obstacle[6]).toBeCloseTo(0.6756756756756757, 12)
  })

  it('sums subsystems and lists the top obstacles', () => {
    const s = subsystemObstacle(r, 3, [[0], [1, 2]])
    expect(s[0]).toBeCloseTo(0.7547169811320755, 12)
    expect(s[1]).toBeCloseTo(0.05660377358490564 + 0.18867924528301888, 12)
    expect(topObstacles(r, 3, 0, 2)).toEqual([0, 2])
    expect(topObstacles(r, 3, 1, 2)).toEqual([])
  })

  it('each defined row sums to 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 10,
        }),
        (rows) => {
          const res = obstacle(
            matrixFromRows(
              rows.map((_, i) => `u${i}`),
              ['a', 'b', 'c', 'd'],
              rows,
            ),
            [0.1, 0.2, 0.3, 0.4],
          )
          rows.forEach((_, i) => {
            let s = 0
            for (let j = 0; j < 4; j++) s += res.obstacle[i * 4 + j]!
            expect(s).toBeCloseTo(1, 9)
          })
        },
      ),
    )
  })
})
