/**
 * Quick look at the evaluation steps without the database or NumPy: `npx tsx bench/steps.ts
 * [--threads] [step…]` times each step on the same SYNTHETIC panel as bench/evaluation.ts (best
 * of 3); with --threads, through the parallel paths (pool start-up printed first).
 */
import { evaluationSteps, startPool } from './evaluation.ts'

const args = process.argv.slice(2)
const parallel = args.includes('--threads')
const only = args.filter((a) => a !== '--threads')
const scale = { units: 2900, indicators: 300, years: 20, draws: 200 }
const start = parallel ? await startPool() : null
if (start)
  console.log(
    `pool start-up ${(start.seconds * 1000).toFixed(0).padStart(6)} ms (${start.pool.size} worker(s))`,
  )
const ts = await evaluationSteps(scale, 20261125, only, undefined, start?.pool ?? null)
for (const [name, sec] of Object.entries(ts))
  console.log(`${name.padEnd(12)} ${(sec * 1000).toFixed(0).padStart(6)} ms`)
console.log(
  `${'total'.padEnd(12)} ${(Object.values(ts).reduce((a, b) => a + b, 0) * 1000).toFixed(0).padStart(6)} ms`,
)
