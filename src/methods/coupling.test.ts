/**
 * Coupling coordination.
 *
 * Published example: the R package mathmodels (github.com/zhjx19/mathmodels, commit
 * 8bf5e8f89398437163df9dafb4fd61d1d9f9b8b5), docs/reference/system_evaluation.md — the rendered
 * example of `coupling_degree()` (source R/eval_system.R), printed to 3 decimals:
 * `coupling_degree(df)` (standard form, equal α) and `coupling_degree(df, c(0.4,0.3,0.3),
 * type = "adjusted")` (王淑佳 et al. 2021). Columns coupling/coord/coupling_coord are C/T/D.
 *
 * The two-subsystem exponent variant has no printed example that was found; its reference is this
 * numpy 2.4 script (run in this session, values printed with repr):
 *   U = np.array([[.2,.5],[.8,.8],[.3,.6],[.1,.9]]); U1, U2 = U[:,0], U[:,1]
 *   for k in (0.5, 2): C = (4*U1*U2/(U1+U2)**2)**k; D = np.sqrt(C*U.mean(axis=1))
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bandOf, bandsFromCuts, coupling, DEFAULT_BANDS } from './coupling.ts'
import { matrixFromRows } from './matrix.ts'

const mathmodels = matrixFromRows(
  ['A', 'B', 'C', 'D', 'E', 'F'],
  ['s1', 's2', 's3'],
  [
    [0.0162, 0.272, 0.2655],
    [0.1782, 0.6824, 0.3721],
    [0.549, 0.0593, 0.5729],
    [0.673, 0.4812, 0.9082],
    [0.0207, 0.8891, 0.2017],
    [0.9875, 0.5573, 0.8984],
  ],
)

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

const close = (actual: ArrayLike<number>, expected: number[], digits: number) =>
  expected.forEach((e, i) => {
    expect(actual[i]).toBeCloseTo(e, digits)
  })
/** equal to a value printed with `decimals` decimals: within half a unit of its last place */
const printed = (actual: ArrayLike<number>, expected: number[], decimals: number) =>
  expected.forEach((e, i) => {
    expect(Math.abs(actual[i]! - e)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12)
  })

describe('coupling coordination against mathmodels’ printed example', () => {
  it('standard form C = n(ΠU)^(1/n)/ΣU, T = mean U, D = √(CT)', () => {
    const r = coupling(mathmodels)
    printed(r.C, [0.571, 0.867, 0.674, 0.967, 0.418, 0.971], 3)
    printed(r.T, [0.185, 0.411, 0.394, 0.687, 0.37, 0.814], 3)
    printed(r.D, [0.325, 0.597, 0.515, 0.815, 0.393, 0.889], 3)
    expect(r.level.map((b) => b?.zh)).toEqual([
      '轻度失调',
      '勉强协调',
      '勉强协调',
      '良好协调',
      '轻度失调',
      '良好协调',
    ])
  })

  it('王淑佳 et al. (2021) revised form with α = (0.4, 0.3, 0.3)', () => {
    const r = coupling(mathmodels, { form: 'wang2021', alpha: [0.4, 0.3, 0.3] })
    printed(r.C, [0.447, 0.501, 0.455, 0.669, 0.175, 0.715], 3)
    printed(r.T, [0.168, 0.388, 0.409, 0.686, 0.336, 0.832], 3)
    printed(r.D, [0.274, 0.44, 0.432, 0.678, 0.242, 0.771], 3)
  })
})

describe('two subsystems: {4U₁U₂/(U₁+U₂)²}^k (numpy reference)', () => {
  it('the default k = 1/2 equals 2√(U₁U₂)/(U₁+U₂)', () => {
    const r = coupling(two)
    expect(r.k).toBe(0.5)
    close(r.C, [0.9035079029052513, 1.0, 0.9428090415820635, 0.6000000000000001], 14)
    close(r.D, [0.5623413251903491, 0.8944271909999159, 0.6513555624326306, 0.5477225575051662], 14)
  })

  it('k = 2', () => {
    const r = coupling(two, { k: 2 })
    close(r.C, [0.6663890045814246, 1.0, 0.7901234567901237, 0.12960000000000002], 14)
    close(r.D, [0.48294528841629525, 0.8944271909999159, 0.5962847939999439, 0.25455844122715715], 14)
  })
})

describe('coupling edge cases', () => {
  it('a missing score gives null; all zeros give C null, T = D = 0; a single zero gives C = 0', () => {
    const m = matrixFromRows(
      ['gap', 'zeros', 'one-zero'],
      ['x', 'y'],
      [
        [Number.NaN, 0.4],
        [0, 0],
        [0, 0.6],
      ],
    )
    const r = coupling(m)
    expect([r.C[0], r.T[0], r.D[0]].every(Number.isNaN)).toBe(true)
    expect(r.level[0]).toBeNull()
    expect(Number.isNaN(r.C[1]!)).toBe(true)
    expect([r.T[1], r.D[1]]).toEqual([0, 0])
    expect(r.level[1]?.zh).toBe('极度失调')
    expect(r.C[2]).toBe(0)
    expect(coupling(m, { form: 'wang2021' }).C[2]).toBe(0)
  })

  it('refuses scores outside [0, 1], fewer than two subsystems, and k with the revised form', () => {
    expect(() => coupling(matrixFromRows(['u'], ['x', 'y'], [[0.5, 42]]))).toThrow(
      'row "u", column "y" is 42',
    )
    expect(() => coupling(matrixFromRows(['u'], ['x'], [[0.5]]))).toThrow('at least two')
    expect(() => coupling(two, { form: 'wang2021', k: 2 })).toThrow('standard form only')
    expect(() => coupling(two, { alpha: [0.2, 0.2] })).toThrow('sum to 0.4')
  })

  it('takes a score within the rounding tolerance as the bound, with a note; refuses one beyond it', () => {
    const published = matrixFromRows(
      ['u', 'v'],
      ['x', 'y'],
      [
        [0.5, 1.0001],
        [-0.0004, 0.3],
      ],
    )
    const r = coupling(published)
    // as if the scores were 1 and 0: u's C and T equal those of (0.5, 1); v's C is 0
    const exact = coupling(
      matrixFromRows(
        ['u', 'v'],
        ['x', 'y'],
        [
          [0.5, 1],
          [0, 0.3],
        ],
      ),
    )
    expect(Array.from(r.C)).toEqual(Array.from(exact.C))
    expect(Array.from(r.D)).toEqual(Array.from(exact.D))
    expect(r.notes).toEqual([
      'row "u", column "y": 1.0001 is outside [0, 1] within the rounding tolerance 0.001, taken as 1',
      'row "v", column "x": -0.0004 is outside [0, 1] within the rounding tolerance 0.001, taken as 0',
    ])
    expect(published.data[1]).toBe(1.0001) // the caller's matrix is not written
    expect(coupling(two).notes).toEqual([])
    expect(() => coupling(matrixFromRows(['u'], ['x', 'y'], [[0.5, 1.0011]]))).toThrow(
      'row "u", column "y" is 1.0011: outside [0, 1] by more than the rounding tolerance 0.001',
    )
  })

  it('rescales weights α within the rounding tolerance of summing to 1, with a note', () => {
    const r = coupling(two, { alpha: [0.3333, 0.6666] })
    expect(r.alpha[0]! + r.alpha[1]!).toBeCloseTo(1, 15)
    expect(r.notes).toEqual([
      'weights α sum to 0.9999: within the rounding tolerance 0.001 of 1, rescaled to sum to 1',
    ])
    expect(coupling(two, { alpha: [0.4, 0.6] }).notes).toEqual([])
    expect(() => coupling(two, { alpha: [0.3, 0.6] })).toThrow('sum to 0.8999999999999999, not 1')
  })

  it('bands: lower bound inclusive, 1.0 in the top band; cut points make interval labels', () => {
    expect(bandOf(0.5, DEFAULT_BANDS)?.zh).toBe('勉强协调')
    expect(bandOf(1, DEFAULT_BANDS)?.en).toBe('high-quality coordination')
    expect(bandOf(0, DEFAULT_BANDS)?.zh).toBe('极度失调')
    const cuts = bandsFromCuts([0.3, 0.6])
    expect(cuts.map((b) => b.en)).toEqual(['[0, 0.3)', '[0.3, 0.6)', '[0.6, 1]'])
    expect(bandOf(0.3, cuts)?.en).toBe('[0.3, 0.6)')
  })
})

describe('coupling properties', () => {
  const scores = fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 })

  it('C ∈ [0, 1] and C = 1 when all scores are equal (both forms); D ∈ [0, 1]', () => {
    fc.assert(
      fc.property(scores, (u) => {
        const m = matrixFromRows(
          ['a', 'b'],
          u.map((_, j) => `u${j}`),
          [u, u.map(() => u[0]!)],
        )
        for (const form of ['standard', 'wang2021'] as const) {
          const r = coupling(m, { form })
          expect(r.C[0]).toBeGreaterThanOrEqual(0)
          expect(r.C[0]).toBeLessThanOrEqual(1)
          expect(r.C[1]).toBeCloseTo(1, 12)
          expect(r.D[0]).toBeLessThanOrEqual(1)
        }
      }),
    )
  })

  it('D rises when every score rises by the same factor (C unchanged, T up)', () => {
    fc.assert(
      fc.property(scores, fc.double({ min: 1.01, max: 2, noNaN: true }), (u, f) => {
        const max = Math.max(...u)
        const up = u.map((x) => (x / max) * (1 / f))
        const m = matrixFromRows(
          ['low', 'high'],
          u.map((_, j) => `u${j}`),
          [up.map((x) => x / f), up],
        )
        const r = coupling(m)
        expect(r.C[0]).toBeCloseTo(r.C[1]!, 12)
        expect(r.D[1]).toBeGreaterThan(r.D[0]!)
      }),
    )
  })

  it('for two subsystems the general bracket ΠU/(ΣU/n)^n is 4U₁U₂/(U₁+U₂)²', () => {
    fc.assert(
      fc.property(scores, fc.double({ min: 0.1, max: 3, noNaN: true }), (u, k) => {
        const [a, b] = [u[0]!, u[1]!]
        const r = coupling(matrixFromRows(['u'], ['x', 'y'], [[a, b]]), { k })
        expect(r.C[0]).toBeCloseTo(((4 * a * b) / (a + b) ** 2) ** k, 12)
      }),
    )
  })
})
