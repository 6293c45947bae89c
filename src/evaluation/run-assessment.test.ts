/**
 * An evaluation run on the built-in data (PGlite): the index year is chosen by coverage, ranks
 * are a permutation inside their uncertainty intervals, the run is reproducible from its seed,
 * and a saved run is served by the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../importer/seed.ts'
import { createApp } from '../server/app.ts'
import type { Store } from '../store/db.ts'
import { saveEvaluation } from '../store/evaluations.ts'
import { openTestStore } from '../testing/backends.ts'
import { runAssessment } from './run-assessment.ts'

let store: Store
let run: Awaited<ReturnType<typeof runAssessment>>
beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  run = await runAssessment(store.db, { draws: 40, seed: 3 })
})
afterAll(async () => store?.close())

describe('runAssessment', () => {
  it('assesses every published plan and the index of the 31 provinces in a year every concept covers', () => {
    expect(run.results.plans.map((p) => p.planId).sort()).toEqual(['C21', 'H19', 'S24'])
    const ix = run.results.index!
    expect(ix.units).toHaveLength(31)
    expect(ix.concepts).toEqual(['innovation', 'coordination', 'green', 'openness', 'sharing'])
    for (const c of Object.values(ix.coverage)) expect(c).toBeGreaterThan(0)
    // every concept has an indicator covering two thirds of the provinces in the chosen year
    expect(Object.values(ix.coverage).some((c) => c >= 2 / 3)).toBe(true)
    expect([...ix.rank].sort((a, b) => a - b)).toEqual(ix.units.map((_, i) => i + 1))
    for (let i = 0; i < 31; i++) {
      expect(ix.uncertainty.p05[i]).toBeLessThanOrEqual(ix.uncertainty.median[i]!)
      expect(ix.uncertainty.median[i]).toBeLessThanOrEqual(ix.uncertainty.p95[i]!)
      expect(ix.index[i]).toBeGreaterThanOrEqual(1)
      expect(ix.index[i]).toBeLessThanOrEqual(100)
    }
  })

  it('the same seed reproduces the run; the stamp names the releases it read', async () => {
    const again = await runAssessment(store.db, { draws: 40, seed: 3 })
    expect(again.results.index!.uncertainty).toEqual(run.results.index!.uncertainty)
    expect(again.stamp.inputHash).toBe(run.stamp.inputHash)
    expect(run.stamp.releases.length).toBeGreaterThan(0)
  })

  it('disparity of GDP per capita over the macro-regions decomposes exactly each year', () => {
    const d = run.results.disparity
    expect(d.theil.length).toBeGreaterThan(3)
    for (const t of d.theil) expect(t.between + t.within).toBeCloseTo(t.theilT, 12)
    expect(d.sigma.length).toBeGreaterThan(3)
  })

  it('a saved run is served by /api/evaluations/latest', async () => {
    const saved = await saveEvaluation(store.db, {
      kind: 'assess',
      asOf: null,
      stamp: run.stamp,
      results: run.results,
    })
    const app = createApp({ store })
    const res = await app.request('/api/evaluations/latest')
    const body = (await res.json()) as { id: number; results: { year: number } }
    expect(body.id).toBe(saved.id)
    expect(body.results.year).toBe(run.results.year)
    expect((await app.request('/api/evaluations/999')).status).toBe(404)
  })
})
