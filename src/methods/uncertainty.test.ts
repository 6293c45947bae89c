/**
 * Rank uncertainty and sensitivity. COINr prints no reproducible numbers for get_sensitivity (its
 * vignette loads a stored random run, vignettes/SA_results.RDS, drawn with R's generator), so:
 * - the sensitivity estimator (COINr SA_estimate: Saltelli 2010 first order, Jansen total) is
 *   checked on the Ishigami function (a = 7, b = 0.1, X ~ U(−π, π)³) against its analytic indices
 *   as printed in SURGroup/UQpy docs/code/sensitivity/sobol/plot_sobol_ishigami.py at commit
 *   d842ec67457ba1cc49df0eb005af160b7e2809f4: S = 0.3139, 0.4424, 0.0; ST = 0.55758886,
 *   0.44241114, 0.24368366 (Monte-Carlo tolerance 0.02 with N = 200,000);
 * - the draws on COINr's ASEM inputs are checked by properties: same seed → same output, one fixed
 *   choice → zero-width intervals at the nominal rank, nominal = the composite's rank, ranks within
 *   1..n, a choice that cannot apply refused.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../statistics/synth.ts'
import { asemColumn, asemDenominators, asemRaw, asemHierarchy as h } from './composite/asem-fixture.ts'
import { composite } from './composite/pipeline.ts'
import {
  competitionRanks,
  quantile,
  RadixRanker,
  rankQuantiles,
  saltelli,
  type UncertaintyOptions,
  uncertainty,
} from './uncertainty.ts'
import { MethodInputError } from './weights.ts'

const raw = asemRaw()
const base: UncertaintyOptions['base'] = {
  impute: 'group-mean',
  groups: asemColumn('uCode').map(() => 'all'),
  minData: 0,
  treat: 'winsorise',
  range: [1, 100],
  denominators: asemDenominators,
}
const opts: UncertaintyOptions = {
  base,
  normalize: ['minmax', 'zscore'],
  weights: ['meta', 'equal', 'entropy'],
  aggregation: ['arithmetic'],
  perturb: 0.25,
  draws: 200,
  seed: 7,
}

describe('the Saltelli / Jansen estimators (COINr SA_estimate) on the Ishigami function', () => {
  it('recovers the analytic first- and total-order indices', () => {
    const N = 200_000
    const d = 3
    const rand = mulberry32(3)
    const u = () => -Math.PI + 2 * Math.PI * rand()
    const XA = Array.from({ length: N }, () => [u(), u(), u()])
    const XB = Array.from({ length: N }, () => [u(), u(), u()])
    const f = (x: number[]) => Math.sin(x[0]!) + 7 * Math.sin(x[1]!) ** 2 + 0.1 * x[2]! ** 4 * Math.sin(x[0]!)
    const y = new Float64Array(N * (d + 2))
    for (let n = 0; n < N; n++) {
      y[n] = f(XA[n]!)
      y[N + n] = f(XB[n]!)
      for (let i = 0; i < d; i++) {
        const x = [...XA[n]!]
        x[i] = XB[n]![i]!
        y[(2 + i) * N + n] = f(x)
      }
    }
    const S = [0.3139, 0.4424, 0.0]
    const ST = [0.55758886, 0.44241114, 0.24368366]
    for (let i = 0; i < d; i++) {
      const e = saltelli(y, N, i)
      expect(Math.abs(e.S - S[i]!), `S${i + 1} = ${e.S}`).toBeLessThan(0.02)
      expect(Math.abs(e.ST - ST[i]!), `ST${i + 1} = ${e.ST}`).toBeLessThan(0.02)
    }
  })
})

describe('rank uncertainty on COINr’s ASEM inputs', () => {
  const a = uncertainty(raw, h, opts)
  it('the same seed gives identical output; another seed differs', () => {
    const b = uncertainty(raw, h, opts)
    expect(Array.from(b.rankMedian)).toEqual(Array.from(a.rankMedian))
    expect(Array.from(b.rankP05)).toEqual(Array.from(a.rankP05))
    expect(b.sensitivity).toEqual(a.sensitivity)
    const c = uncertainty(raw, h, { ...opts, seed: 8 })
    expect(c.sensitivity).not.toEqual(a.sensitivity)
  })
  it('uses the design N(d + 2): d = 3 varying choices, N = 40 base rows, all 200 draws', () => {
    expect(a.baseRows).toBe(40)
    expect(a.draws).toBe(200)
    expect(Object.keys(a.sensitivity).sort()).toEqual(['normalize', 'perturb', 'scheme'])
    for (const v of Object.values(a.sensitivityTotal)) expect(Number.isFinite(v)).toBe(true)
  })
  it('intervals are ordered and within 1..n; the nominal rank is a permutation', () => {
    const n = a.units.length
    for (let i = 0; i < n; i++) {
      expect(a.rankP05[i]).toBeLessThanOrEqual(a.rankMedian[i]!)
      expect(a.rankMedian[i]).toBeLessThanOrEqual(a.rankP95[i]!)
      expect(a.rankP05[i]).toBeGreaterThanOrEqual(1)
      expect(a.rankP95[i]).toBeLessThanOrEqual(n)
    }
    expect(Array.from(a.nominalRank).sort((x, y) => x - y)).toEqual(a.units.map((_, i) => i + 1))
  })
  it('the nominal rank is the composite index’s rank with the first option of every choice', () => {
    const r = composite(raw, h, { ...base, normalize: 'minmax', weights: 'meta', aggregation: 'arithmetic' })
    expect(Array.from(a.nominalRank)).toEqual(Array.from(r.rank))
  })
  it('one fixed choice and no perturbation: every interval is the nominal rank, no sensitivity', () => {
    const r = uncertainty(raw, h, {
      ...opts,
      normalize: ['minmax'],
      weights: ['entropy'],
      perturb: 0,
      draws: 5,
    })
    expect(Array.from(r.rankP05)).toEqual(Array.from(r.nominalRank))
    expect(Array.from(r.rankMedian)).toEqual(Array.from(r.nominalRank))
    expect(Array.from(r.rankP95)).toEqual(Array.from(r.nominalRank))
    expect(r.sensitivity).toEqual({})
  })
  it('too few draws for the design: sensitivity NaN (null in JSON), intervals still computed', () => {
    const r = uncertainty(raw, h, { ...opts, draws: 9 })
    expect(Object.values(r.sensitivity).every(Number.isNaN)).toBe(true)
    expect(r.rankMedian.every((v) => v >= 1)).toBe(true)
  })
  it('a geometric mean over min-max [0, 100] (zeros) or over z-scores is refused, not skipped', () => {
    const geo = { ...opts, aggregation: ['arithmetic', 'geometric'] as const }
    expect(() =>
      uncertainty(raw, h, {
        ...geo,
        aggregation: [...geo.aggregation],
        base: { ...base, range: [0, 100] },
        normalize: ['minmax'],
      }),
    ).toThrow(/geometric aggregation cannot apply to minmax/)
    expect(() => uncertainty(raw, h, { ...geo, aggregation: [...geo.aggregation] })).toThrow(MethodInputError)
    const ok = uncertainty(raw, h, {
      ...geo,
      aggregation: [...geo.aggregation],
      normalize: ['minmax'],
      draws: 40,
    })
    expect(Object.keys(ok.sensitivity).sort()).toEqual(['aggregation', 'perturb', 'scheme'])
  })
})

describe('helpers', () => {
  it('competition ranks: 1 + number of strictly higher scores, ties share, NaN unranked', () => {
    const out = new Float64Array(5)
    competitionRanks(Float64Array.from([3, 5, 5, Number.NaN, 1]), new Float64Array(5), out)
    expect(Array.from(out)).toEqual([3, 1, 1, Number.NaN, 4])
  })
  it('ranks of distinct scores are a permutation (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 }),
        (xs) => {
          const out = new Float64Array(xs.length)
          competitionRanks(Float64Array.from(xs), new Float64Array(xs.length), out)
          const sorted = Array.from(out).sort((a, b) => a - b)
          // −0 and 0 are equal scores: allow that one tie
          if (new Set(xs.map((x) => (x === 0 ? 0 : x))).size === xs.length)
            expect(sorted).toEqual(xs.map((_, i) => i + 1))
        },
      ),
    )
  })
  it('the radix ranker equals the sort-and-count ranks: ties, negatives, ±0, NaN (property)', () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1, -1, 2.5, Number.NaN, 1e-300, -1e300, 1e-323, -5e-324),
    )
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), (xs) => {
        const scores = Float64Array.from(xs)
        const a = new Float64Array(xs.length)
        const b = new Float64Array(2 * xs.length)
        competitionRanks(scores, new Float64Array(xs.length), a)
        const ranker = new RadixRanker(xs.length)
        ranker.rank(scores, b, 1, 2) // strided output
        ranker.rank(scores, b, 1, 2) // reusable
        expect(Array.from({ length: xs.length }, (_, i) => b[2 * i + 1])).toEqual(Array.from(a))
      }),
      { numRuns: 2000 },
    )
    // equal negative subnormals: their mapped bits read as a NaN double, still one tie
    const out = new Float64Array(3)
    new RadixRanker(3).rank(Float64Array.from([1e-323, 1e-323, 0]), out)
    expect(Array.from(out)).toEqual([1, 1, 3])
  })
  it('the radix ranker orders scores that differ only in their low words (insertion pass and its fallback)', () => {
    // 1 + k·2⁻⁴⁰ share the high word of 1.0: only the low word orders them
    const check = (scores: Float64Array) => {
      const a = new Float64Array(scores.length)
      const b = new Float64Array(scores.length)
      competitionRanks(scores, new Float64Array(scores.length), a)
      new RadixRanker(scores.length).rank(scores, b)
      expect(Array.from(b)).toEqual(Array.from(a))
    }
    // few such values among many distinct ones: the insertion pass orders them
    check(
      Float64Array.from({ length: 500 }, (_, i) => (i % 50 === 0 ? 1 + ((i * 7) % 13) * 2 ** -40 : i + 0.5)),
    )
    // all of them, reversed: too many moves, the full low-word radix passes run
    check(Float64Array.from({ length: 500 }, (_, i) => 1 + i * 2 ** -40))
    check(
      Float64Array.from(
        { length: 500 },
        (_, i) => 1 + ((i * 7919) % 500) * 2 ** -40 + (i % 3 === 0 ? 0 : 2 ** -40),
      ),
    )
  })
  it('rank quantiles by counting equal those of a sorted copy, narrow and wide bands, NaN left out', () => {
    const S = 41
    const rand = mulberry32(11)
    const U = 3
    const ranks = new Float64Array(U * S)
    for (let r = 0; r < S; r++) {
      ranks[r] = 10 + Math.floor(rand() * 5) // narrow
      ranks[S + r] = 1 + Math.floor(rand() * 9000) // wider than the counting band
      ranks[2 * S + r] = r % 7 === 0 ? Number.NaN : 3
    }
    const q = rankQuantiles(ranks, U, S, 0)
    for (let i = 0; i < U; i++) {
      const xs = Array.from(ranks.subarray(i * S + 1, (i + 1) * S)).filter((v) => !Number.isNaN(v))
      const sorted = Float64Array.from(xs).sort()
      expect([q.p05[i], q.median[i], q.p95[i]]).toEqual([
        quantile(sorted, 0.05),
        quantile(sorted, 0.5),
        quantile(sorted, 0.95),
      ])
    }
  })
  it('quantile is R type 7 (quantile(1:10, c(.05, .5, .95)) = 1.45, 5.5, 9.55)', () => {
    // R documents type 7: h = (n − 1)p + 1, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]);
    // python3 -c "import numpy as np; print(np.quantile(np.arange(1,11),[.05,.5,.95]))" → [1.45 5.5  9.55]
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1)
    expect([0.05, 0.5, 0.95].map((p) => Number(quantile(x, p).toFixed(10)))).toEqual([1.45, 5.5, 9.55])
  })
})
