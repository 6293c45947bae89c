/**
 * The evaluation engine on a seeded SYNTHETIC national panel (units × indicators × years), each
 * step timed next to a NumPy implementation of the same formulas (bench/evaluation_ref.py) run in
 * the same benchmark on the same data (written once as a float64 file), printed as a ratio.
 * Steps: entropy weights (pooled over the panel), TOPSIS (latest year), coupling of the five
 * subsystems (every year), obstacle degree (latest year), Theil T and Gini of every indicator in
 * every year, and a 200-draw rank uncertainty (latest year; weights meta/equal/entropy ×
 * arithmetic/geometric × ±25% perturbation).
 * Each step runs twice: on one thread (the methods as they are), and with the parallel paths of
 * src/methods/parallel over a worker pool (threads = the machine's cores, or JUEQI_THREADS; the
 * panel allocated on the kernels' shared heap so that no step copies it), whose start-up is timed and
 * printed on its own line, outside the totals. Coupling, TOPSIS and obstacle have no parallel path.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildHierarchy, type MetaRow } from '../src/methods/composite/hierarchy.ts'
import { coupling } from '../src/methods/coupling.ts'
import { columnDisparities, disparity } from '../src/methods/disparity.ts'
import { heapF64 } from '../src/methods/kernels/heap.ts'
import { createMatrix, type Matrix } from '../src/methods/matrix.ts'
import { normalize } from '../src/methods/normalize.ts'
import { obstacle } from '../src/methods/obstacle.ts'
import {
  disparityParallelMany,
  entropyWeightsParallel,
  sharedPool,
  uncertaintyParallel,
  type WorkerPool,
} from '../src/methods/parallel/index.ts'
import { topsis } from '../src/methods/topsis.ts'
import { type UncertaintyOptions, uncertainty } from '../src/methods/uncertainty.ts'
import { entropyWeights } from '../src/methods/weights.ts'
import { mulberry32 } from '../src/statistics/synth.ts'
import { fmt } from './machine.ts'

export interface EvalScale {
  units: number
  indicators: number
  years: number
  draws: number
}

const SUBSYSTEMS = 5

/** Positive, skewed, correlated-by-unit values: unit level × indicator scale × lognormal noise, growing by year. */
function panel(s: EvalScale, seed: number): Float64Array {
  const rand = mulberry32(seed)
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand())
  const unit = Float64Array.from({ length: s.units }, () => Math.exp(0.5 * normal()))
  const scale = Float64Array.from({ length: s.indicators }, () => Math.exp(2 * normal()))
  // on the kernels' heap (shared memory), so that the kernels and every thread of the parallel paths
  // read the panel in place, as a caller handling a large panel would allocate it
  const out = heapF64(s.years * s.units * s.indicators)
  for (let y = 0; y < s.years; y++)
    for (let i = 0; i < s.units; i++)
      for (let j = 0; j < s.indicators; j++)
        out[(y * s.units + i) * s.indicators + j] =
          unit[i]! * scale[j]! * Math.exp(0.3 * normal()) * (1 + 0.03 * y)
  return out
}

const time = async (f: () => unknown, repeat = 3): Promise<number> => {
  let best = Number.POSITIVE_INFINITY
  for (let r = 0; r < repeat; r++) {
    const t = performance.now()
    await f()
    best = Math.min(best, (performance.now() - t) / 1000)
  }
  return best
}

/**
 * Each step's best-of-3 time in seconds (uncertainty once); `only` limits the steps (empty = all).
 * With a pool, entropy, disparity and uncertainty take their parallel paths.
 */
export async function evaluationSteps(
  s: EvalScale,
  seed: number,
  only: string[] = [],
  data = panel(s, seed),
  pool: WorkerPool | null = null,
): Promise<Record<string, number>> {
  const run = (name: string) => only.length === 0 || only.includes(name)
  const units = Array.from({ length: s.units }, (_, i) => `u${i}`)
  const cols = Array.from({ length: s.indicators }, (_, j) => `x${j}`)
  const pooled = createMatrix(
    Array.from({ length: s.units * s.years }, (_, k) => `r${k}`),
    cols,
    data,
  )
  const latestOf = (y: number) =>
    createMatrix(units, cols, data.subarray(y * s.units * s.indicators, (y + 1) * s.units * s.indicators))
  const latest = latestOf(s.years - 1)
  const directions = cols.map((_, j): 'lower' | 'higher' => (j % 7 === 3 ? 'lower' : 'higher'))
  const per = Math.floor(s.indicators / SUBSYSTEMS)
  const meta: MetaRow[] = [
    ...cols.map((c, j) => ({
      code: c,
      level: 1,
      parent: `s${Math.min(SUBSYSTEMS - 1, Math.floor(j / per))}`,
      weight: 1,
      direction: directions[j]!,
      denominator: null,
    })),
    ...Array.from({ length: SUBSYSTEMS }, (_, k) => ({
      code: `s${k}`,
      level: 2,
      parent: 'I',
      weight: 1,
      direction: 'higher' as const,
      denominator: null,
    })),
    { code: 'I', level: 3, parent: null, weight: 1, direction: 'higher', denominator: null },
  ]
  const h = buildHierarchy(meta)
  const sub = Int32Array.from(cols, (_, j) => Math.min(SUBSYSTEMS - 1, Math.floor(j / per)))
  const runs: number[] = [] // [start, end, subsystem] of each run of adjacent indicators
  for (let j = 0; j < s.indicators; j++)
    if (j > 0 && sub[j] === sub[j - 1]) runs[runs.length - 2] = j + 1
    else runs.push(j, j + 1, sub[j]!)
  const w = Float64Array.from(cols, () => 1 / s.indicators)
  const ts: Record<string, number> = {}
  const eo = { on: 'minmax', directions, zero: { kind: 'xlnx0' } } as const
  if (run('entropy'))
    ts.entropy = await time(() =>
      pool ? entropyWeightsParallel(pool, pooled, eo) : entropyWeights(pooled, eo),
    )
  if (run('topsis'))
    ts.topsis = await time(() =>
      topsis(latest, { normalize: 'vector', weighting: 'matrix', directions, weights: w }),
    )
  if (run('coupling'))
    ts.coupling = await time(() => {
      for (let y = 0; y < s.years; y++) {
        const x = latestOf(y).data
        const u = createMatrix(
          units,
          Array.from({ length: SUBSYSTEMS }, (_, k) => `s${k}`),
        )
        // each unit's subsystem means, a run of adjacent indicators summed in a register (the same
        // additions in the same order as cell by cell into u; the runs made once, as NumPy's `sub`)
        const ud = u.data
        for (let i = 0; i < s.units; i++)
          for (let r = 0, at = i * s.indicators; r < runs.length; r += 3) {
            const k = i * SUBSYSTEMS + runs[r + 2]!
            let acc = ud[k]!
            for (let j = runs[r]!, end = runs[r + 1]!; j < end; j++) acc += x[at + j]! / per
            ud[k] = acc
          }
        coupling(rescale(u))
      }
    })
  if (run('obstacle')) ts.obstacle = await time(() => obstacle(rescale(latest), w))
  if (run('disparity'))
    ts.disparity = await time(async () => {
      if (pool) {
        // the years shared out whole between the threads
        const ms = Array.from({ length: s.years }, (_, y) => latestOf(y))
        const rs = await disparityParallelMany(pool, ms)
        for (let y = 0; y < s.years; y++) columnDisparities(ms[y]!, rs[y]!)
      } else for (let y = 0; y < s.years; y++) disparity(latestOf(y))
    })
  const uo: UncertaintyOptions = {
    base: { impute: 'none', minData: 0, treat: 'none', range: [1, 100] },
    normalize: ['minmax'],
    weights: ['meta', 'equal', 'entropy'],
    aggregation: ['arithmetic', 'geometric'],
    perturb: 0.25,
    draws: s.draws,
    seed,
  }
  if (run('uncertainty'))
    ts.uncertainty = await time(
      () => (pool ? uncertaintyParallel(pool, latest, h, uo) : uncertainty(latest, h, uo)),
      1,
    )
  return ts
}

/** The process's worker pool, started and timed (seconds until every worker is ready). */
export async function startPool(): Promise<{ pool: WorkerPool; seconds: number }> {
  const pool = sharedPool()
  return { pool, seconds: (await pool.ready) / 1000 }
}

/** The panel as the float64 file NumPy reads (little-endian, [year][unit][indicator]). */
export function writePanelFile(file: string, data: Float64Array): void {
  writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
}

/** bench/evaluation_ref.py on a panel file: each step's best-of-3 seconds (uncertainty once). */
export function numpyReference(file: string, s: EvalScale, subsystems = SUBSYSTEMS): Record<string, number> {
  return JSON.parse(
    execFileSync(
      'python3',
      [
        new URL('./evaluation_ref.py', import.meta.url).pathname,
        file,
        String(s.units),
        String(s.indicators),
        String(s.years),
        String(s.draws),
        String(subsystems),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    ),
  ) as Record<string, number>
}

export async function evaluationBench(s: EvalScale, seed: number, dir: string): Promise<string[]> {
  const data = panel(s, seed)
  const file = join(dir, 'panel.f64')
  writePanelFile(file, data)
  const one = await evaluationSteps(s, seed, [], data)
  const start = await startPool()
  const par = await evaluationSteps(s, seed, [], data, start.pool)
  const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0)
  const ref = numpyReference(file, s)
  ref.total = total(ref)
  one.total = total(one)
  par.total = total(par)
  const ms = (x: number | undefined) => `${fmt((x ?? Number.NaN) * 1000, 0).padStart(6)} ms`
  const ratio = (x: number | undefined, y: number | undefined) =>
    `${fmt((x ?? Number.NaN) / (y ?? Number.NaN), 2).padStart(5)}×`
  const threads = start.pool.size + 1
  const lines = [
    `evaluation (${fmt(s.units, 0)} units × ${s.indicators} indicators × ${s.years} years, SYNTHETIC, seed ${seed}; best of 3, uncertainty once):`,
    `  ${''.padEnd(12)} ${'1 thread'.padStart(9)} ${`${threads} threads`.padStart(9)} ${'NumPy'.padStart(9)}   NumPy/jueqi (1, ${threads})`,
  ]
  for (const k of Object.keys(one))
    lines.push(
      `  ${k.padEnd(12)} ${ms(one[k])} ${ms(par[k])} ${ms(ref[k])}   ${ratio(ref[k], one[k])} ${ratio(ref[k], par[k])}${k === 'total' ? '  (goal: ≤ 1 s and ≥ 2.5×)' : ''}`,
    )
  lines.push(
    `  worker pool start-up (${start.pool.size} worker(s), once per process, not in the totals): ${ms(start.seconds)}`,
  )
  return lines
}

/** Each column onto [0, 1] by min-max (a standardised matrix for coupling and obstacle), by the product's normalize. */
function rescale(m: Matrix): Matrix {
  return normalize(m, { scheme: 'minmax', directions: m.columns.map(() => 'higher') })
}
