/**
 * `jueqi assess --synthetic` itself, end to end: the CLI run as a child process against the
 * bench's PostgreSQL (the SYNTHETIC panel imported there), its own load_ms (the COPY of the
 * preferred values into the dense array) and compute_ms (every step, on the worker pool) read from
 * its JSON, next to the NumPy reference (bench/evaluation_ref.py) on the very dense panel the CLI
 * evaluated (written by its --write-panel as the float64 file bench/evaluation.ts gives NumPy).
 * The CLI runs each step once (a cold process, JIT warm-up included); NumPy takes the best of 3.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { numpyReference } from './evaluation.ts'
import { fmt } from './machine.ts'

interface AssessOut {
  units: number
  indicators: number
  years: number
  firstYear: number
  year: number
  draws: number
  cells: number
  subsystems: number
  threads: number
  load_ms: number
  load_steps_ms: Record<string, number>
  compute_ms: number
  steps_ms: Record<string, number>
  pool_ms: number | null
  id: number | null
}

/** The command line the bench runs (printed with the figures). */
export const assessArgs = (url: string, file: string, draws: number) => [
  'bin/jueqi.mjs',
  'assess',
  '--synthetic',
  '--database-url',
  url,
  '--draws',
  String(draws),
  '--json',
  '--write-panel',
  file,
]

export function assessBench(url: string, dir: string, draws = 200): string[] {
  const file = join(dir, 'assess-panel.f64')
  const stdout = execFileSync(process.execPath, assessArgs(url, file, draws), {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const out = JSON.parse(stdout.trim().split('\n').pop()!) as AssessOut
  const ref = numpyReference(
    file,
    { units: out.units, indicators: out.indicators, years: out.years, draws: out.draws },
    out.subsystems,
  )
  const refTotal = Object.values(ref).reduce((a, b) => a + b, 0) * 1000
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${fmt(x, 0)} ms`).padStart(10)
  const ratio = (x: number) => `${x.toPrecision(2)}×`.padStart(6)
  const lines = [
    `assess (node bin/jueqi.mjs assess --synthetic --draws ${out.draws} on PostgreSQL, a child process; ${fmt(out.units, 0)} units × ${out.indicators} indicators × ${out.years} years from ${out.firstYear}, index year ${out.year}, ${fmt(out.cells, 0)} values, SYNTHETIC; jueqi once, NumPy best of 3):`,
    `  load: ${fmt(out.load_ms, 0)} ms (${Object.entries(out.load_steps_ms)
      .map(([k, v]) => `${k} ${fmt(v, 0)}`)
      .join(', ')}; preferred values by COPY into the dense array; not compared)`,
    `  ${'step'.padEnd(12)} ${`jueqi, ${out.threads} thr`.padStart(10)} ${'NumPy'.padStart(10)}   NumPy/jueqi`,
  ]
  for (const [k, v] of Object.entries(out.steps_ms)) {
    const r = ref[k] === undefined ? undefined : ref[k]! * 1000
    lines.push(`  ${k.padEnd(12)} ${ms(v)} ${ms(r)}   ${r === undefined ? '     —' : ratio(r / v)}`)
  }
  lines.push(
    `  ${'compute'.padEnd(12)} ${ms(out.compute_ms)} ${ms(refTotal)}   ${ratio(refTotal / out.compute_ms)}  (goal: ≤ 1 s)`,
    `  worker pool start-up (overlapping the load, not in compute): ${out.pool_ms === null ? '—' : `${fmt(out.pool_ms, 0)} ms`}; saved run ${out.id}`,
  )
  return lines
}
