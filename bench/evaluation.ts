/**
 * The evaluation engine on a seeded SYNTHETIC national panel (units × indicators × years), each
 * step timed next to a NumPy implementation of the same formulas (bench/evaluation_ref.py) run in
 * the same benchmark on the same data (written once as a float64 file), printed as a ratio.
 * Steps: entropy weights (pooled over the panel), TOPSIS (latest year), coupling of the five
 * subsystems (every year), obstacle degree (latest year), Theil T and Gini of every indicator in
 * every year, and a 200-draw rank uncertainty (latest year; weights meta/equal/entropy ×
 * arithmetic/geometric × ±25% perturbation).
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildHierarchy, type MetaRow } from '../src/methods/composite/hierarchy.ts'
import { coupling } from '../src/methods/coupling.ts'
import { disparity } from '../src/methods/disparity.ts'
import { createMatrix, type Matrix } from '../src/methods/matrix.ts'
import { obstacle } from '../src/methods/obstacle.ts'
import { topsis } from '../src/methods/topsis.ts'
import { uncertainty } from '../src/methods/uncertainty.ts'
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
  const out = new Float64Array(s.years * s.units * s.indicators)
  for (let y = 0; y < s.years; y++)
    for (let i = 0; i < s.units; i++)
      for (let j = 0; j < s.indicators; j++)
        out[(y * s.units + i) * s.indicators + j] =
          unit[i]! * scale[j]! * Math.exp(0.3 * normal()) * (1 + 0.03 * y)
  return out
}

const time = (f: () => void, repeat = 3): number => {
  let best = Number.POSITIVE_INFINITY
  for (let r = 0; r < repeat; r++) {
    const t = performance.now()
    f()
    best = Math.min(best, (performance.now() - t) / 1000)
  }
  return best
}

/** Each step's best-of-3 time in seconds (uncertainty once); `only` limits the steps (empty = all). */
export function evaluationSteps(
  s: EvalScale,
  seed: number,
  only: string[] = [],
  data = panel(s, seed),
): Record<string, number> {
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
  const w = Float64Array.from(cols, () => 1 / s.indicators)
  const ts: Record<string, number> = {}
  if (run('entropy'))
    ts.entropy = time(() => entropyWeights(pooled, { on: 'minmax', directions, zero: { kind: 'xlnx0' } }))
  if (run('topsis'))
    ts.topsis = time(() =>
      topsis(latest, { normalize: 'vector', weighting: 'matrix', directions, weights: w }),
    )
  if (run('coupling'))
    ts.coupling = time(() => {
      for (let y = 0; y < s.years; y++) {
        const m = latestOf(y)
        const u = createMatrix(
          units,
          Array.from({ length: SUBSYSTEMS }, (_, k) => `s${k}`),
        )
        for (let i = 0; i < s.units; i++)
          for (let j = 0; j < s.indicators; j++) {
            const k = Math.min(SUBSYSTEMS - 1, Math.floor(j / per))
            u.data[i * SUBSYSTEMS + k] = u.data[i * SUBSYSTEMS + k]! + m.data[i * s.indicators + j]! / per
          }
        coupling(rescale(u))
      }
    })
  if (run('obstacle')) ts.obstacle = time(() => obstacle(rescale(latest), w))
  if (run('disparity'))
    ts.disparity = time(() => {
      for (let y = 0; y < s.years; y++) disparity(latestOf(y))
    })
  if (run('uncertainty'))
    ts.uncertainty = time(
      () =>
        uncertainty(latest, h, {
          base: { impute: 'none', minData: 0, treat: 'none', range: [1, 100] },
          normalize: ['minmax'],
          weights: ['meta', 'equal', 'entropy'],
          aggregation: ['arithmetic', 'geometric'],
          perturb: 0.25,
          draws: s.draws,
          seed,
        }),
      1,
    )
  return ts
}

export function evaluationBench(s: EvalScale, seed: number, dir: string): string[] {
  const data = panel(s, seed)
  const file = join(dir, 'panel.f64')
  writeFileSync(file, Buffer.from(data.buffer, data.byteOffset, data.byteLength))
  const ts = evaluationSteps(s, seed, [], data)
  const tsTotal = Object.values(ts).reduce((a, b) => a + b, 0)
  const ref = JSON.parse(
    execFileSync(
      'python3',
      [
        new URL('./evaluation_ref.py', import.meta.url).pathname,
        file,
        String(s.units),
        String(s.indicators),
        String(s.years),
        String(s.draws),
        String(SUBSYSTEMS),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    ),
  ) as Record<string, number>
  const npTotal = Object.values(ref).reduce((a, b) => a + b, 0)
  const lines = [
    `evaluation (${fmt(s.units, 0)} units × ${s.indicators} indicators × ${s.years} years, SYNTHETIC, seed ${seed}; best of 3, uncertainty once):`,
  ]
  for (const k of Object.keys(ts))
    lines.push(
      `  ${k.padEnd(12)} jueqi ${fmt(ts[k]! * 1000, 0).padStart(6)} ms   NumPy ${fmt((ref[k] ?? Number.NaN) * 1000, 0).padStart(6)} ms   NumPy/jueqi ${fmt((ref[k] ?? Number.NaN) / ts[k]!, 2)}×`,
    )
  lines.push(
    `  ${'total'.padEnd(12)} jueqi ${fmt(tsTotal * 1000, 0).padStart(6)} ms   NumPy ${fmt(npTotal * 1000, 0).padStart(6)} ms   NumPy/jueqi ${fmt(npTotal / tsTotal, 2)}×  (goal: ≤ 1 s and ≥ 2.5×)`,
  )
  return lines
}

/** Each column onto [0, 1] by min-max (a standardised matrix for coupling and obstacle). */
function rescale(m: Matrix): Matrix {
  const out = createMatrix(m.units, m.columns)
  for (let j = 0; j < m.cols; j++) {
    let lo = Infinity
    let hi = -Infinity
    for (let i = 0; i < m.rows; i++) {
      const v = m.data[i * m.cols + j]!
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
    for (let i = 0; i < m.rows; i++)
      out.data[i * m.cols + j] = hi > lo ? (m.data[i * m.cols + j]! - lo) / (hi - lo) : 1
  }
  return out
}
