/**
 * `jueqi assess --synthetic` on both back ends, over a small SYNTHETIC panel (30 counties × 10
 * indicators × 5 years, a third of the last two years' cells revised) loaded through the
 * product's import path (`jueqi synth --load`'s loadSynthetic), plus a later release whose cells
 * have two sources each (a revised vintage beats a preliminary one; between equal vintages the
 * first row wins) and a release still in approval (invisible): the dense array holds the
 * preferred value of every cell as `queryObservations` chooses it, NaN where none is stored;
 * every result equals the methods applied directly to that array (one thread and the worker
 * pool); the run is saved as `assess-synthetic`, and `latest` stays the real `assess` run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadSynthetic, writeSynthetic } from '../cli/synth.ts'
import { seedStore } from '../importer/seed.ts'
import { impute } from '../methods/composite/prepare.ts'
import { coupling } from '../methods/coupling.ts'
import { disparityMeasures } from '../methods/disparity.ts'
import { createMatrix, type Matrix } from '../methods/matrix.ts'
import { normalize } from '../methods/normalize.ts'
import { obstacle } from '../methods/obstacle.ts'
import { WorkerPool } from '../methods/parallel/index.ts'
import { topsis } from '../methods/topsis.ts'
import { uncertainty } from '../methods/uncertainty.ts'
import { entropyWeights } from '../methods/weights.ts'
import { createApp } from '../server/app.ts'
import { MACRO_REGIONS } from '../statistics/region-catalogue.ts'
import {
  type SynthOptions,
  type SynthUnit,
  synthKey,
  synthPanel,
  synthRevision,
} from '../statistics/synth.ts'
import type { Vintage } from '../statistics/vintage.ts'
import type { Store } from '../store/db.ts'
import { getEvaluation, saveEvaluation } from '../store/evaluations.ts'
import { createReleaseWithRows, queryObservations } from '../store/observations.ts'
import { listRegions } from '../store/regions.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import {
  ASSESS_SYNTHETIC_KIND,
  computePanel,
  loadSyntheticPanel,
  type PanelInput,
  panelHash,
  panelHierarchy,
  provinceOf,
  runPanelAssessment,
  subsystemOf,
  uncertaintyOptions,
  yearMatrix,
} from './run-panel-assessment.ts'

const o: SynthOptions = { indicators: 10, years: 5, lastYear: 2024, seed: 7, revised: 0.3 }
const keys = Array.from({ length: o.indicators }, (_, j) => synthKey(j))
const years = [2020, 2021, 2022, 2023, 2024]
const cell = (k: string, r: string, p: number) => `${k}|${r}|${p}`

const pool = new WorkerPool(1)
afterAll(() => pool.close())

describe.each(BACKENDS)('assess --synthetic on %s', (backend) => {
  let store: Store
  let units: SynthUnit[]
  let input: PanelInput
  const dir = mkdtempSync(join(tmpdir(), 'jueqi-assess-synth-'))
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
    const macroOf = new Map(MACRO_REGIONS.flatMap((m) => m.provinces.map((p) => [p, m.code] as const)))
    // every tenth county, so that the panel's units are a sparse subset of the level
    units = (await listRegions(store.db, { level: 'county' }))
      .filter((_, i) => i % 10 === 0)
      .slice(0, 30)
      .map((c) => ({
        code: c.code,
        province: c.code.slice(0, 2),
        macro: macroOf.get(c.code.slice(0, 2)) ?? 'CN',
      }))
    const files = await writeSynthetic(join(dir, 'panel.csv'), units, o)
    await loadSynthetic(store, files, o)
    const row = (
      u: number,
      j: number,
      period: number,
      value: number,
      source: string,
      vintage: Vintage | null,
    ) => ({
      region: units[u]!.code,
      indicator: synthKey(j),
      period,
      value,
      unit: 'index',
      source,
      note: '',
      vintage,
    })
    await createReleaseWithRows(
      store,
      { name: 'SYNTHETIC sources', publishedOn: '2026-02-01', kind: 'import', synthetic: true },
      [
        row(0, 0, 2024, 1001, 'a', 'preliminary'),
        row(0, 0, 2024, 1002, 'b', 'revised'),
        row(1, 1, 2023, 2001, 'a', null),
        row(1, 1, 2023, 2002, 'b', null),
        row(2, 2, 2022, 3002, 'b', 'first_published'),
        row(2, 2, 2022, 3001, 'a', 'final'),
      ],
    )
    await createReleaseWithRows(
      store,
      {
        name: 'SYNTHETIC in approval',
        publishedOn: '2026-03-01',
        kind: 'import',
        synthetic: true,
        approval: { regionCode: '11', status: 'pending', state: {}, updatedAt: '2026-03-01T00:00:00Z' },
      },
      [row(0, 0, 2024, 9999, 'a', 'revised'), row(3, 3, 2021, 9999, 'a', null)],
    )
    input = await loadSyntheticPanel(store)
  })
  afterAll(async () => {
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('the dense array holds the preferred value of every cell, NaN where none is stored', async () => {
    const p = input.panel
    expect(p.keys).toEqual(keys)
    expect(p.years).toEqual(years)
    expect(p.units).toEqual(units.map((u) => u.code))
    expect(p.data.buffer).toBeInstanceOf(SharedArrayBuffer)
    expect(p.data.length).toBe(years.length * units.length * keys.length)
    // the product's own preference query, cell by cell
    const preferred = new Map<string, number>()
    for (const r of await queryObservations(store.db, {
      indicators: keys,
      regions: p.units,
      preferredOnly: true,
    }))
      preferred.set(cell(r.indicator, r.region, r.period), r.value)
    // and the generator: the revision's value where it revised the cell
    const generated = new Map<string, number>()
    for (const r of synthPanel(units, o)) generated.set(cell(r.indicator, r.region, r.period), r.value)
    const revisions = [...synthRevision(synthPanel(units, o), o)]
    let changed = 0
    for (const r of revisions) {
      const k = cell(r.indicator, r.region, r.period)
      if (generated.get(k) !== r.value) changed++
      generated.set(k, r.value)
    }
    expect(changed).toBeGreaterThan(10)
    // the later release with two sources a cell: revised beats preliminary, final beats first
    // published, the first row between equal vintages; the release in approval is not seen
    generated.set(cell(synthKey(0), units[0]!.code, 2024), 1002)
    generated.set(cell(synthKey(1), units[1]!.code, 2023), 2001)
    generated.set(cell(synthKey(2), units[2]!.code, 2022), 3001)
    expect(preferred.size).toBe(generated.size)
    let missing = 0
    years.forEach((y, t) => {
      p.units.forEach((u, i) => {
        keys.forEach((k, j) => {
          const v = p.data[(t * p.units.length + i) * keys.length + j]!
          const want = preferred.get(cell(k, u, y))
          if (want === undefined) {
            missing++
            expect(v, cell(k, u, y)).toBeNaN()
          } else expect(v, cell(k, u, y)).toBe(want)
          expect(Number.isNaN(v) ? undefined : v).toBe(generated.get(cell(k, u, y)))
        })
      })
    })
    expect(missing).toBeGreaterThan(0)
    expect(p.cells).toBe(generated.size)
    const overridden = new Set([
      cell(synthKey(0), units[0]!.code, 2024),
      cell(synthKey(1), units[1]!.code, 2023),
      cell(synthKey(2), units[2]!.code, 2022),
    ])
    for (const r of revisions) {
      if (overridden.has(cell(r.indicator, r.region, r.period))) continue
      const t = years.indexOf(r.period)
      const i = p.units.indexOf(r.region)
      expect(p.data[(t * p.units.length + i) * keys.length + keys.indexOf(r.indicator)]).toBe(r.value)
    }
    expect(p.data.includes(9999)).toBe(false)
    // the releases that gave values, newest first (not the one in approval)
    expect(p.releases).toEqual([
      'SYNTHETIC sources',
      `SYNTHETIC revision (seed ${o.seed})`,
      `SYNTHETIC panel (seed ${o.seed})`,
    ])
  })

  it('every result equals the methods applied directly to the array, on one thread and on the pool', async () => {
    const p = input.panel
    const { directions } = input
    const U = p.units.length
    const K = keys.length
    const pooled = createMatrix(
      Array.from({ length: years.length * U }, (_, r) => `r${r}`),
      keys,
      Float64Array.from(p.data),
    )
    const ew = entropyWeights(pooled, { on: 'minmax', directions, zero: { kind: 'xlnx0' } })
    const w = ew.weights
    const t = years.length - 1
    const raw = (y: number): Matrix =>
      createMatrix(p.units, keys, Float64Array.from(p.data.subarray(y * U * K, (y + 1) * U * K)))
    const latest = impute(raw(t), 'mean')
    const tp = topsis(latest, { normalize: 'vector', weighting: 'matrix', directions, weights: w })
    const sub = subsystemOf(K)
    const cc = years.map((_, y) => {
      const z = normalize(impute(raw(y), 'mean'), { scheme: 'minmax', directions })
      const scores = createMatrix(p.units, ['S1', 'S2', 'S3', 'S4', 'S5'])
      for (let i = 0; i < U; i++)
        for (let s = 0; s < 5; s++) {
          let num = 0
          let den = 0
          for (let j = 0; j < K; j++)
            if (sub[j] === s) {
              num += w[j]! * z.data[i * K + j]!
              den += w[j]!
            }
          scores.data[i * 5 + s] = Math.min(1, num / den)
        }
      return coupling(scores)
    })
    const ob = obstacle(normalize(latest, { scheme: 'minmax', directions }), w)
    const groups = p.units.map(provinceOf)
    const disp = years.map((_, y) => disparityMeasures(raw(y), { groups }))
    const un = uncertainty(raw(t), panelHierarchy(keys, directions), uncertaintyOptions(40, 3))
    for (const use of [null, pool]) {
      const { results: r, steps } = await computePanel(input, { draws: 40, seed: 3 }, use)
      expect(Object.keys(steps)).toEqual([
        'entropy',
        'impute',
        'topsis',
        'coupling',
        'obstacle',
        'disparity',
        'uncertainty',
      ])
      expect(r.entropy.weights).toEqual(w)
      expect(r.topsis.closeness).toEqual(tp.closeness)
      expect(r.topsis.rank).toEqual(tp.rank)
      expect(r.coupling.map((c) => c.D)).toEqual(cc.map((c) => c.D))
      expect(r.coupling.map((c) => c.C)).toEqual(cc.map((c) => c.C))
      expect(r.obstacle.obstacle).toEqual(ob.obstacle)
      for (let y = 0; y < years.length; y++) {
        expect(r.disparity[y]!.theilT).toEqual(disp[y]!.theilT)
        expect(r.disparity[y]!.theilL).toEqual(disp[y]!.theilL)
        expect(r.disparity[y]!.gini).toEqual(disp[y]!.gini)
        expect(r.disparity[y]!.cv).toEqual(disp[y]!.cv)
        expect(r.disparity[y]!.betweenT).toEqual(disp[y]!.betweenT)
        expect(r.disparity[y]!.groups).toEqual(disp[y]!.groups)
      }
      expect(r.uncertainty.rankMedian).toEqual(un.rankMedian)
      expect(r.uncertainty.rankP05).toEqual(un.rankP05)
      expect(r.uncertainty.rankP95).toEqual(un.rankP95)
    }
    // a unit missing a cell still gets an index (mean imputation), so every unit is ranked
    expect([...tp.rank].sort((a, b) => a - b)).toEqual(p.units.map((_, i) => i + 1))
    // an earlier year's matrix is the panel's memory, not a copy
    expect(yearMatrix(p, 0).data.buffer).toBe(p.data.buffer)
  })

  it('saves a stamped assess-synthetic run that latest does not return unless asked for by kind or id', async () => {
    const run = await runPanelAssessment(store, { draws: 40, seed: 3 }, null)
    expect(run.timing.load_ms).toBeGreaterThan(0)
    expect(Object.keys(run.timing.steps_ms)).toContain('uncertainty')
    expect(run.stamp.method).toBe(ASSESS_SYNTHETIC_KIND)
    expect(run.stamp.inputHash).toBe(panelHash(input.panel))
    expect(run.stamp.releases).toEqual(input.panel.releases)
    const changed = { ...input.panel, data: Float64Array.from(input.panel.data) }
    changed.data[3] = changed.data[3]! + 1
    expect(panelHash(changed)).not.toBe(run.stamp.inputHash)
    expect(run.results.synthetic).toBe(true)
    expect(run.results.topsis.top[0]!.rank).toBe(1)
    expect(Object.keys(run.results.disparity.indicators)).toEqual(keys)
    expect(JSON.stringify(run.results).length).toBeLessThan(50_000)

    const before = await getEvaluation(store.db, 'latest')
    const syn = await saveEvaluation(store.db, {
      kind: ASSESS_SYNTHETIC_KIND,
      asOf: null,
      stamp: run.stamp,
      results: run.results,
    })
    // nothing but a synthetic run saved so far: there is no latest assess run
    expect(before).toBeUndefined()
    expect(await getEvaluation(store.db, 'latest')).toBeUndefined()
    const real = await saveEvaluation(store.db, { kind: 'assess', asOf: null, stamp: {}, results: {} })
    const syn2 = await saveEvaluation(store.db, {
      kind: ASSESS_SYNTHETIC_KIND,
      asOf: null,
      stamp: run.stamp,
      results: run.results,
    })
    expect(syn2.id).toBeGreaterThan(real.id)
    expect((await getEvaluation(store.db, 'latest'))?.id).toBe(real.id)
    expect((await getEvaluation(store.db, 'latest', { kind: ASSESS_SYNTHETIC_KIND }))?.id).toBe(syn2.id)
    expect((await getEvaluation(store.db, syn.id))?.kind).toBe(ASSESS_SYNTHETIC_KIND)
    expect(await getEvaluation(store.db, syn.id, { kind: 'assess' })).toBeUndefined()
    const app = createApp({ store })
    const latest = (await (await app.request('/api/evaluations/latest')).json()) as {
      id: number
      kind: string
    }
    expect([latest.id, latest.kind]).toEqual([real.id, 'assess'])
    const asked = (await (
      await app.request(`/api/evaluations/latest?kind=${ASSESS_SYNTHETIC_KIND}`)
    ).json()) as { id: number; results: { synthetic: boolean } }
    expect([asked.id, asked.results.synthetic]).toEqual([syn2.id, true])
    const byId = (await (await app.request(`/api/evaluations/${syn.id}`)).json()) as { kind: string }
    expect(byId.kind).toBe(ASSESS_SYNTHETIC_KIND)
  })
})
