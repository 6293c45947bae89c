import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FloatSorter } from './sort.ts'

const reference = (v: Float64Array) => Float64Array.from(v).sort()

describe('FloatSorter', () => {
  const sorter = new FloatSorter()

  it('sorts like the native sort: any finite doubles, ties, ±0, negatives, tiny and huge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 0, maxLength: 400 }),
        fc.array(fc.double({ noNaN: true, min: -10, max: 10 }), { maxLength: 100 }),
        (wide, narrow) => {
          // repeat some values so ties occur
          const v = Float64Array.from([...wide, ...narrow, ...narrow.slice(0, 20)])
          const expected = reference(v)
          sorter.sort(v)
          expect(Array.from(v)).toEqual(Array.from(expected))
        },
      ),
      { numRuns: 500, seed: 4242 },
    )
  })

  it('orders values that share their high word (equal in the first 20 mantissa bits)', () => {
    // 1 + k·2⁻⁴⁰ all have the high word of 1.0: only the insertion pass can order them
    const v = Float64Array.from({ length: 300 }, (_, i) => 1 + ((i * 7919) % 300) * 2 ** -40)
    const expected = reference(v)
    sorter.sort(v)
    expect(Array.from(v)).toEqual(Array.from(expected))
  })

  it('falls back to the native sort when many values share a key, still exactly', () => {
    const v = Float64Array.from({ length: 5000 }, (_, i) => 2 + ((i * 104729) % 5000) * 2 ** -45)
    const expected = reference(v)
    sorter.sort(v)
    expect(Array.from(v)).toEqual(Array.from(expected))
  })

  it('sorts exactly when an outlier crowds the rest into few buckets (the radix path)', () => {
    const v = Float64Array.from({ length: 3000 }, (_, i) => 1 + ((i * 7907) % 3000) / 3000)
    v[17] = 1e300
    v[18] = -1e300
    const expected = reference(v)
    sorter.sort(v)
    expect(Array.from(v)).toEqual(Array.from(expected))
  })

  it('sorts a long lognormal column (the Gini case) the same as the native sort', () => {
    let s = 7
    const rand = () => {
      s = (s * 16807) % 2147483647
      return s / 2147483647
    }
    const v = Float64Array.from({ length: 2900 }, () => Math.exp(3 * (rand() - 0.5)) * 1e4)
    const expected = reference(v)
    sorter.sort(v)
    expect(Array.from(v)).toEqual(Array.from(expected))
  })
})
