/**
 * How long `jueqi` takes to start, as a person scripting it meets it: the wall time of a child
 * process until it exits, median of `runs`, next to `node -e 0` measured in the same run (the
 * floor: starting Node itself), and the CPU time it used (on a shared machine the steadier figure).
 * The CLI runs from its build (scripts/build-cli.mjs); the last line is the same `--help` from
 * the TypeScript sources through tsx, the fallback.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fmt } from './machine.ts'

/** A small real CSV: PySAL's mexico.csv, 32 states × 12 columns (../shared/data/reference). */
export const SMALL_CSV = '../shared/data/reference/mexico.csv'

/**
 * User + system CPU of this process's finished children in ms, from /proc/self/stat (cutime and
 * cstime, in ticks of 10 ms); null where there is no /proc.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // f[0] is field 3 (state)
    return (Number(f[13]) + Number(f[14])) * 10
  } catch {
    return null
  }
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function startUp(args: string[], runs: number, env: NodeJS.ProcessEnv = process.env) {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = childrenCpuMs()
    const t = performance.now()
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    wall.push(performance.now() - t)
    if (c !== null) cpu.push(childrenCpuMs()! - c)
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`)
  }
  return { wall: median(wall), cpu: cpu.length ? median(cpu) : null }
}

export function cliBench(runs = 21): string[] {
  // one start first: it rebuilds the CLI if a source changed, outside the measured runs
  execFileSync(process.execPath, ['bin/jueqi.mjs', '--help'], { stdio: 'ignore' })
  const node = startUp(['-e', '0'], runs)
  const cases: [string, string[], NodeJS.ProcessEnv?][] = [
    ['jueqi --help', ['bin/jueqi.mjs', '--help']],
    ['jueqi method --help', ['bin/jueqi.mjs', 'method', '--help']],
    [
      `jueqi method entropy --input ${SMALL_CSV}`,
      ['bin/jueqi.mjs', 'method', 'entropy', '--input', SMALL_CSV],
    ],
    ['jueqi --help from the sources (JUEQI_CLI=tsx)', ['bin/jueqi.mjs', '--help'], { JUEQI_CLI: 'tsx' }],
  ]
  const ms = (x: number | null) => (x === null ? '—' : `${fmt(x, 0)} ms`).padStart(8)
  const row = (label: string, r: typeof node) =>
    `  ${label.padEnd(64)} ${ms(r.wall)} ${`${(r.wall / node.wall).toFixed(1)}×`.padStart(6)} ${ms(r.cpu)}`
  const lines = [
    `cli start-up (a child process until it exits, median of ${runs}; goal: well under 1 s):`,
    `  ${''.padEnd(64)} ${'wall'.padStart(8)} ${'/node'.padStart(6)} ${'CPU'.padStart(8)}`,
    row('node -e 0', node),
  ]
  for (const [label, args, env] of cases)
    lines.push(row(label, startUp(args, runs, env ? { ...process.env, ...env } : process.env)))
  return lines
}
