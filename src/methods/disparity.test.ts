/**
 * Disparity against PySAL's `inequality` package on its Mexico example (../shared/data/reference/
 * mexico.csv, from libpysal): Theil T per decade and its decomposition by the `hanson98` regions
 * (inequality/theil.py docstrings and tests/test_theil.py), and the 1940 Gini
 * (tests/test_gini.py), read at github.com/pysal/inequality (theil.py at 13bff030, test_theil.py at
 * 09aa9c82, test_gini.py at 078a8256), to the 7 decimals numpy's assert_almost_equal checks.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matrixFromCsvText } from '../files/matrix-csv.ts'
import { disparity } from './disparity.ts'
import { matrixFromRows } from './matrix.ts'

const text = readFileSync(new URL('../../../shared/data/reference/mexico.csv', import.meta.url), 'utf8')
const decades = ['pcgdp1940', 'pcgdp1950', 'pcgdp1960', 'pcgdp1970', 'pcgdp1980', 'pcgdp1990', 'pcgdp2000']
const { matrix: all, text: labels } = matrixFromCsvText(text, 'mexico.csv', [
  'hanson03',
  'hanson98',
  'esquivel99',
  'inegi',
  'inegi2',
])
const cols = decades.map((d) => all.columns.indexOf(d))
const mexico = matrixFromRows(
  all.units,
  decades,
  Array.from({ length: all.rows }, (_, i) => cols.map((j) => all.data[i * all.cols + j]!)),
)

describe('disparity on PySAL’s Mexico example', () => {
  const r = disparity(mexico, { groups: labels.hanson98 })

  it('Theil T per decade equals inequality.theil.Theil', () => {
    const published = [0.20894344, 0.15222451, 0.10472941, 0.10194725, 0.09560113, 0.10511256, 0.10660832]
    for (const [k, c] of r.entries()) expect(c.theilT).toBeCloseTo(published[k]!, 7)
  })

  it('between and within groups equal inequality.theil.TheilD (hanson98)', () => {
    const bg = [0.0345889, 0.02816853, 0.05260921, 0.05931219, 0.03205257, 0.02963731, 0.03635872]
    const wg = [0.17435454, 0.12405598, 0.0521202, 0.04263506, 0.06354856, 0.07547525, 0.0702496]
    r.forEach((c, k) => {
      expect(c.betweenT).toBeCloseTo(bg[k]!, 7)
      expect(c.withinT).toBeCloseTo(wg[k]!, 7)
    })
  })

  it('the 1940 Gini equals inequality.gini.Gini', () => {
    expect(r[0]!.gini).toBeCloseTo(0.35372371173452849, 7)
  })
})

describe('disparity properties', () => {
  const cell = fc.double({ min: 1, max: 1e5, noNaN: true })
  const data = fc.array(
    fc.tuple(cell, fc.double({ min: 0.1, max: 100, noNaN: true }), fc.constantFrom('a', 'b', 'c')),
    { minLength: 2, maxLength: 30 },
  )

  it('Theil T and L decompose exactly into between and within (Σ S_g T_g, Σ P_g L_g), weighted or not', () => {
    fc.assert(
      fc.property(data, (rows) => {
        const units = rows.map((_, i) => `u${i}`)
        const m = matrixFromRows(
          units,
          ['y'],
          rows.map((r) => [r[0]]),
        )
        const groups = rows.map((r) => r[2])
        const weights = rows.map((r) => r[1])
        const [c] = disparity(m, { groups, weights })
        // within computed group by group, independently of the total
        let wT = 0
        let wL = 0
        const W = weights.reduce((s, x) => s + x, 0)
        const WY = rows.reduce((s, r) => s + r[0] * r[1], 0)
        for (const g of new Set(groups)) {
          const ix = rows.map((_, i) => i).filter((i) => groups[i] === g)
          const sub = matrixFromRows(
            ix.map((i) => units[i]!),
            ['y'],
            ix.map((i) => [rows[i]![0]]),
          )
          const [cg] = disparity(sub, { weights: ix.map((i) => weights[i]!) })
          const Sg = ix.reduce((s, i) => s + rows[i]![0] * rows[i]![1], 0) / WY
          const Pg = ix.reduce((s, i) => s + weights[i]!, 0) / W
          wT += Sg * cg!.theilT
          wL += Pg * cg!.theilL
        }
        expect(c!.betweenT + wT).toBeCloseTo(c!.theilT, 9)
        expect(c!.betweenL + wL).toBeCloseTo(c!.theilL, 9)
      }),
      { numRuns: 100 },
    )
  })

  it('every index is 0 for equal values and unchanged by a common rescaling; Gini in [0, 1)', () => {
    fc.assert(
      fc.property(data, fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, k) => {
        const units = rows.map((_, i) => `u${i}`)
        const [a] = disparity(
          matrixFromRows(
            units,
            ['y'],
            rows.map((r) => [r[0]]),
          ),
        )
        const [b] = disparity(
          matrixFromRows(
            units,
            ['y'],
            rows.map((r) => [r[0] * k]),
          ),
        )
        for (const key of ['cv', 'theilT', 'theilL', 'gini'] as const) expect(b![key]).toBeCloseTo(a![key], 9)
        expect(a!.gini).toBeGreaterThanOrEqual(0)
        expect(a!.gini).toBeLessThan(1)
        const [flat] = disparity(
          matrixFromRows(
            units,
            ['y'],
            rows.map(() => [7]),
          ),
        )
        for (const key of ['cv', 'theilT', 'theilL', 'gini'] as const) expect(flat![key]).toBeCloseTo(0, 12)
      }),
      { numRuns: 100 },
    )
  })
})
