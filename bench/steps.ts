/**
 * Quick look at the evaluation steps without the database or NumPy: `npx tsx bench/steps.ts [step…]`
 * times each step on the same SYNTHETIC panel as bench/evaluation.ts (best of 3).
 */
import { evaluationSteps } from './evaluation.ts'

const only = process.argv.slice(2)
const scale = { units: 2900, indicators: 300, years: 20, draws: 200 }
for (const [name, sec] of Object.entries(evaluationSteps(scale, 20261125, only)))
  console.log(`${name.padEnd(12)} ${(sec * 1000).toFixed(0).padStart(6)} ms`)
