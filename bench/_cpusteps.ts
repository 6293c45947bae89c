import { evaluationSteps } from './_cpu.ts'
const scale = { units: 2900, indicators: 300, years: 20, draws: 200 }
const ts = await evaluationSteps(scale, 20261125, process.argv.slice(2))
for (const [name, sec] of Object.entries(ts)) console.log(`${name.padEnd(12)} ${(sec * 1000).toFixed(0).padStart(6)} ms cpu`)
console.log(`total ${(Object.values(ts).reduce((a, b) => a + b, 0) * 1000).toFixed(0)}`)
