import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rankAscending, rankDescending } from './rank.ts'

describe('rank', () => {
  it('gives competition ranks with ties stated (as R rank(-x, ties.method = "min"))', () => {
    const r = rankDescending([0.5, 0.9, 0.5, 0.1])
    expect(Array.from(r.rank)).toEqual([2, 1, 2, 4])
    expect(r.ties).toEqual([[0, 2]])
  })

  it('leaves missing scores unranked', () => {
    const r = rankAscending([3, Number.NaN, 1])
    expect(Array.from(r.rank)).toEqual([2, Number.NaN, 1])
  })

  it('is a permutation of 1..n when there are no ties', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), {
          minLength: 1,
          maxLength: 50,
          comparator: (a, b) => Math.abs(a - b) < 1e-3,
        }),
        (xs) => {
          const r = rankDescending(xs)
          expect(Array.from(r.rank).sort((a, b) => a - b)).toEqual(xs.map((_, i) => i + 1))
          expect(r.ties).toEqual([])
        },
      ),
    )
  })
})
