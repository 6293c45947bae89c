/**
 * `jueqi assess --synthetic`'s compute without the database: `computePanel` on a seeded SYNTHETIC
 * panel of the full shape (2,900 units in 31 provinces × 300 indicators × 20 years, 3 % of cells
 * missing, values to 3 decimals as the imported panel has them), cold in this fresh process as the
 * command runs it, then `--runs N` more times warm. Steps in ms.
 *   npx tsx bench/probe-assess.ts [--sequential] [--runs N] [--units U] [--indicators K]
 */
import { computePanel, type PanelInput } from '../src/evaluation/run-panel-assessment.ts'
import { heapF64 } from '../src/methods/kernels/heap.ts'
import type { Direction } from '../src/methods/matrix.ts'
import { closeSharedPool, sharedPool } from '../src/methods/parallel/index.ts'
import { mulberry32 } from '../src/statistics/synth.ts'

const args = process.argv.slice(2)
const flag = (name: string, d: number) => {
  const i = args.indexOf(name)
  return i < 0 ? d : Number(args[i + 1])
}
const U = flag('--units', 2900)
const K = flag('--indicators', 300)
const Y = 20
const runs = flag('--runs', 1)

function syntheticInput(seed: number, U: number): PanelInput {
  const rand = mulberry32(seed)
  const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand())
  const level = Float64Array.from({ length: U }, () => Math.exp(0.5 * normal()))
  const scale = Float64Array.from({ length: K }, () => Math.exp(2 * normal()))
  const data = heapF64(Y * U * K)
  let cells = 0
  for (let y = 0; y < Y; y++)
    for (let i = 0; i < U; i++)
      for (let j = 0; j < K; j++) {
        const x = level[i]! * scale[j]! * Math.exp(0.3 * normal()) * (1 + 0.03 * y)
        const missing = rand() < 0.03
        data[(y * U + i) * K + j] = missing ? Number.NaN : Math.round(x * 1000) / 1000
        if (!missing) cells++
      }
  // codes in code order, 31 provinces of about equal size (provinceOf takes the first two digits)
  const units = Array.from(
    { length: U },
    (_, i) => `${11 + Math.floor((i * 31) / U)}${String(i).padStart(4, '0')}`,
  )
  const keys = Array.from({ length: K }, (_, j) => `SYN.${String(j + 1).padStart(3, '0')}`)
  const directions: Direction[] = keys.map((_, j) => (j % 5 === 4 ? 'lower' : 'higher'))
  const years = Array.from({ length: Y }, (_, y) => 2005 + y)
  const timing = { meta: 0, read: 0, assemble: 0 }
  return { panel: { units, keys, years, data, releases: ['SYNTHETIC probe'], cells, timing }, directions }
}

const pool = args.includes('--sequential') ? null : sharedPool()
const input = syntheticInput(20261202, U)
if (pool) await pool.ready
if (args.includes('--prewarm')) {
  const t0 = performance.now()
  await computePanel(syntheticInput(1, 64), { draws: 200, seed: 1 }, pool)
  console.log(`prewarm on 64 units: ${(performance.now() - t0).toFixed(0)} ms`)
}
for (let r = 0; r <= runs; r++) {
  const t0 = performance.now()
  const { steps } = await computePanel(input, { draws: 200, seed: 1 }, pool)
  const total = performance.now() - t0
  const parts = Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(0)}`)
  console.log(`${r === 0 ? 'cold' : 'warm'} ${total.toFixed(0)} ms: ${parts.join(', ')}`)
}
await closeSharedPool()
