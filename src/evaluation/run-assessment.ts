/**
 * One evaluation run on the stored data. Reads figures from the store (the edge), applies the pure
 * methods, and returns a stamped result ready to save:
 * - every published plan's target statuses (src/plans/assess.ts);
 * - the high-quality development index for the provinces (data/index/hqd-meta.csv): composite
 *   with mean imputation and COINr's treatment, min-max onto [1, 100], meta weights, arithmetic
 *   mean; rank uncertainty over weighting (meta, equal, entropy), aggregation (arithmetic,
 *   geometric) and ±25% weight perturbation; obstacle factors; coupling of the five concepts;
 * - disparity of GDP per capita over the macro-regions (population-weighted Theil T with
 *   between/within, CV, Gini) per year, and σ/β convergence across provinces.
 */
import { readFile } from 'node:fs/promises'
import { csvTextToTable } from '../files/csv.ts'
import { DATA_DIR } from '../files/data-dir.ts'
import { buildHierarchy, metaFromTable } from '../methods/composite/hierarchy.ts'
import { composite } from '../methods/composite/pipeline.ts'
import { convergence } from '../methods/convergence.ts'
import { coupling } from '../methods/coupling.ts'
import { disparity } from '../methods/disparity.ts'
import { createMatrix, matrixFromRows } from '../methods/matrix.ts'
import { obstacle, subsystemObstacle, topObstacles } from '../methods/obstacle.ts'
import { makeStamp } from '../methods/stamp.ts'
import { uncertainty } from '../methods/uncertainty.ts'
import { MACRO_REGIONS } from '../statistics/region-catalogue.ts'
import type { Db } from '../store/db.ts'
import { getFigures } from '../store/figures.ts'
import { planStatuses } from '../store/plan-status.ts'
import { getPlanVersion, listPlans } from '../store/plans.ts'
import { listReleases } from '../store/releases.ts'
import { type Cells, cellKey, chooseYear, coverage, indexMatrix } from './index-data.ts'

export const ASSESS_VERSION = '1'

export interface AssessOptions {
  year?: number
  draws?: number
  seed?: number
  asOf?: string
}

export async function runAssessment(db: Db, o: AssessOptions = {}) {
  const draws = o.draws ?? 200
  const seed = o.seed ?? 1
  const asOf = o.asOf ? { asOf: o.asOf } : {}
  const plans = []
  for (const p of await listPlans(db)) {
    if (p.publishedVersion === null) continue
    const v = await getPlanVersion(db, p.planId)
    plans.push({ planId: p.planId, version: v!.version, statuses: await planStatuses(db, v!.tree, o.asOf) })
  }
  const meta = csvTextToTable(await readFile(`${DATA_DIR}index/hqd-meta.csv`, 'utf8'), 'hqd-meta.csv')
  const h = buildHierarchy(metaFromTable(meta.header, meta.rows, 'data/index/hqd-meta.csv'))
  // the 31 mainland provinces of the four macro-regions (the statistics cover these)
  const provinces = MACRO_REGIONS.flatMap((m) => m.provinces).sort()
  const codes = [...h.indicators.map((r) => r.code), 'population_year_end']
  const cells: Cells = new Map()
  for (const r of await getFigures(db, {
    indicators: codes,
    regions: provinces,
    preferredOnly: true,
    ...asOf,
  }))
    if (r.preferred) cells.set(cellKey(r.indicator, r.region, r.period), r.value)
  const years = [...new Set([...cells.keys()].map((k) => Number(k.split('|')[2])))].sort((a, b) => a - b)
  const year = o.year ?? chooseYear(cells, h, provinces, years)
  const index = year === null ? null : indexFor(cells, h, provinces, year, draws, seed)
  const gdppc = panel(cells, 'gdp_per_capita_derived', provinces, years)
  const releases = (await listReleases(db)).map((r) => r.name)
  const results = { year, plans, index, disparity: disparityOverTime(cells, gdppc, provinces, years) }
  const stamp = makeStamp(
    'assess',
    ASSESS_VERSION,
    { year, draws, seed, asOf: o.asOf ?? null },
    { codes, cells: [...cells].sort() },
    releases,
  )
  return { stamp, results }
}

function indexFor(
  cells: Cells,
  h: ReturnType<typeof buildHierarchy>,
  provinces: string[],
  year: number,
  draws: number,
  seed: number,
) {
  const raw = indexMatrix(cells, h, provinces, year)
  const base = { impute: 'mean', minData: 0.5, treat: 'winsorise', range: [1, 100] } as const
  const nominal = composite(raw, h, {
    ...base,
    normalize: 'minmax',
    weights: 'meta',
    aggregation: 'arithmetic',
  })
  const u = uncertainty(raw, h, {
    base,
    normalize: ['minmax'],
    weights: ['meta', 'equal', 'entropy'],
    aggregation: ['arithmetic', 'geometric'],
    perturb: 0.25,
    draws,
    seed,
  })
  const n = nominal.stages.normalised!
  // obstacle on [0, 1]: (x − 1)/99; effective indicator weight = share within concept × concept share
  const x01 = createMatrix(
    n.units,
    n.columns,
    n.data.map((v) => (v - 1) / 99),
  )
  const concepts = h.levels[0]!.nodes
  const top = nominal.weights[h.top]!
  const topSum = Object.values(top).reduce((a, b) => a + b, 0)
  const eff = n.columns.map((c) => {
    const concept = concepts.find((k) => k.children.includes(c))!
    const within = nominal.weights[concept.code]!
    return (within[c]! / Object.values(within).reduce((a, b) => a + b, 0)) * (top[concept.code]! / topSum)
  })
  const ob = obstacle(x01, eff)
  const groups = concepts.map((k) => k.children.map((c) => n.columns.indexOf(c)))
  const sub = subsystemObstacle(ob, n.cols, groups)
  const A = nominal.aggregates.length
  const conceptScores = matrixFromRows(
    nominal.units,
    concepts.map((k) => k.code),
    nominal.units.map((_, i) =>
      concepts.map((k) => nominal.scores[i * A + nominal.aggregates.indexOf(k.code)]! / 100),
    ),
  )
  const cc = coupling(conceptScores)
  return {
    units: nominal.units,
    concepts: concepts.map((k) => k.code),
    indicators: n.columns,
    coverage: Object.fromEntries(n.columns.map((c) => [c, coverage(cells, c, provinces, year)])),
    index: Array.from(nominal.index),
    rank: Array.from(nominal.rank),
    conceptScores: nominal.units.map((_, i) =>
      concepts.map((k) => nominal.scores[i * A + nominal.aggregates.indexOf(k.code)]!),
    ),
    uncertainty: {
      median: Array.from(u.rankMedian),
      p05: Array.from(u.rankP05),
      p95: Array.from(u.rankP95),
      sensitivity: u.sensitivity,
      draws,
    },
    obstacles: nominal.units.map((_, i) => ({
      top: topObstacles(ob, n.cols, i, 3).map((j) => ({
        indicator: n.columns[j]!,
        value: ob.obstacle[i * n.cols + j]!,
      })),
      concepts: ob.defined[i] ? concepts.map((_, s) => sub[i * concepts.length + s]!) : null,
    })),
    coupling: {
      C: Array.from(cc.C),
      T: Array.from(cc.T),
      D: Array.from(cc.D),
      level: cc.level.map((b) => b?.zh ?? null),
      levelEn: cc.level.map((b) => b?.en ?? null),
    },
    treatment: nominal.treatment,
  }
}

function panel(cells: Cells, ind: string, provinces: string[], years: number[]) {
  return matrixFromRows(
    provinces,
    years.map(String),
    provinces.map((p) => years.map((y) => cells.get(cellKey(ind, p, y)) ?? Number.NaN)),
  )
}

function disparityOverTime(
  cells: Cells,
  gdppc: ReturnType<typeof panel>,
  provinces: string[],
  years: number[],
) {
  const macroOf = new Map(MACRO_REGIONS.flatMap((m) => m.provinces.map((p) => [p, m.code] as const)))
  const series = years
    .map((y, j) => {
      const have = provinces.filter(
        (p, i) =>
          !Number.isNaN(gdppc.data[i * gdppc.cols + j]!) && cells.has(cellKey('population_year_end', p, y)),
      )
      if (have.length < provinces.length * (2 / 3)) return null
      const m = matrixFromRows(
        have,
        ['gdp_per_capita'],
        have.map((p) => [cells.get(cellKey('gdp_per_capita_derived', p, y))!]),
      )
      const [d] = disparity(m, {
        weights: have.map((p) => cells.get(cellKey('population_year_end', p, y))!),
        groups: have.map((p) => macroOf.get(p) ?? 'OTHER'),
      })
      return {
        year: y,
        n: have.length,
        cv: d!.cv,
        theilT: d!.theilT,
        between: d!.betweenT,
        within: d!.withinT,
        gini: d!.gini,
      }
    })
    .filter((x) => x !== null)
  const usable = years.filter(
    (_, j) =>
      provinces.filter((_, i) => !Number.isNaN(gdppc.data[i * gdppc.cols + j]!)).length >=
      provinces.length * (2 / 3),
  )
  const conv = usable.length >= 2 ? convergence(gdppc, { from: usable[0]!, to: usable.at(-1)! }) : null
  return {
    indicator: 'gdp_per_capita_derived',
    groups: MACRO_REGIONS.map((m) => m.code),
    theil: series,
    sigma: conv
      ? conv.years.map((y, j) => ({ year: y, sigma: conv.sigma[j]! })).filter((s) => usable.includes(s.year))
      : [],
    beta: conv?.beta ?? null,
  }
}
