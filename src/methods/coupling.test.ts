/**
 * Coupling coordination. No maintained package example with printed numbers was found; the
 * reference values below are from numpy, computed 2026-11-25 with the formulas of coupling.ts:
 *   U = [[.2,.5],[.8,.8],[.3,.6],[.1,.9]]; C = 2*sqrt(U1*U2)/(U1+U2); T = mean(U); D = sqrt(C*T)
 *   k = 2: C = (4*U1*U2/(U1+U2)**2)**2
 *   U3 = [[.2,.5,.4],[.7,.6,.9]], α = (.5,.3,.2): C = 3*prod(U)**(1/3)/sum(U); D = sqrt(C*(U@α))
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bandOf, coupling, DEFAULT_BANDS } from './coupling.ts'
import { matrixFromRows } from './matrix.ts'

const two = matrixFromRows(
  ['a', 'b', 'c', 'd'],
  ['U1', 'U2'],
  [
    [0.2, 0.5],
    [0.8, 0.8],
    [0.3, 0.6],
    [0.1, 0.9],
  ],
)

describe('coupling coordination', () => {
  it('default C = n(ΠU)^(1/n)/ΣU, T = mean, D = √(CT)', () => {
    const r = coupling(two)
    const C = [0.9035079029052513, 1.0, 0.9428090415820635, 0.6000000000000001]
    const D = [0.5623413251903491, 0.8944271909999159, 0.6513555624326306, 0.5477225575051662]
    for (let i = 0; i < 4; i++) {
      expect(r.C[i]).toBeCloseTo(C[i]!, 12)
      expect(r.D[i]).toBeCloseTo(D[i]!, 12)
    }
    expect(r.level.map((b) => b?.zh)).toEqual(['勉强协调', '良好协调', '初级协调', '勉强协调'])
  })

  it('the exponent variant {4U₁U₂/(U₁+U₂)²}^k', () => {
    const r = coupling(two, { k: 2 })
    const C = [0.6663890045814246, 1.0, 0.7901234567901237, 0.12960000000000002]
    for (let i = 0; i < 4; i++) expect(r.C[i]).toBeCloseTo(C[i]!, 12)
    expect(r.D[3]).toBeCloseTo(0.25455844122715715, 12)
  })

  it('three subsystems with weights α', () => {
    const m = matrixFromRows(
      ['a', 'b'],
      ['x', 'y', 'z'],
      [
        [0.2, 0.5, 0.4],
        [0.7, 0.6, 0.9],
      ],
    )
    const r = coupling(m, { alpha: [0.5, 0.3, 0.2] })
    expect(r.C[0]).toBeCloseTo(0.9327141527327439, 12)
    expect(r.D[1]).toBeCloseTo(0.8366820040025993, 12)
  })

  it('C ∈ [0, 1], C = 1 when all scores are equal, and a missing score gives no result', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (u) => {
          const r = coupling(
            matrixFromRows(
              ['a', 'b'],
              u.map((_, j) => `u${j}`),
              [u, u.map(() => u[0]!)],
            ),
          )
          expect(r.C[0]).toBeGreaterThanOrEqual(0)
          expect(r.C[0]).toBeLessThanOrEqual(1 + 1e-12)
          expect(r.C[1]).toBeCloseTo(1, 12)
        },
      ),
    )
    const r = coupling(matrixFromRows(['a'], ['x', 'y'], [[Number.NaN, 0.4]]))
    expect(Number.isNaN(r.D[0]!)).toBe(true)
    expect(r.level[0]).toBeNull()
  })

  it('bands: lower bound inclusive, 1.0 in the top band', () => {
    expect(bandOf(0.5, DEFAULT_BANDS)?.zh).toBe('勉强协调')
    expect(bandOf(1, DEFAULT_BANDS)?.zh).toBe('优质协调')
    expect(bandOf(0, DEFAULT_BANDS)?.zh).toBe('极度失调')
  })
})
