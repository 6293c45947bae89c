/**
 * How long `jueqi` takes to start, as a person scripting it meets it: the wall time of a child
 * process until it exits, median of `runs`, next to `node -e 0` measured in the same run (the
 * floor: starting Node itself). The CLI runs from its build (scripts/build-cli.mjs); the last line
 * is the same `--help` from the TypeScript sources through tsx, the fallback.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { fmt } from './machine.ts'

/** A small real CSV: PySAL's mexico.csv, 32 states × 12 columns (../shared/data/reference). */
export const SMALL_CSV = '../shared/data/reference/mexico.csv'

function medianMs(args: string[], runs: number, env: NodeJS.ProcessEnv = process.env): number {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    ms.push(performance.now() - t)
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`)
  }
  ms.sort((a, b) => a - b)
  return ms[Math.floor(runs / 2)]!
}

export function cliBench(runs = 21): string[] {
  // one start first: it rebuilds the CLI if a source changed, outside the measured runs
  execFileSync(process.execPath, ['bin/jueqi.mjs', '--help'], { stdio: 'ignore' })
  const node = medianMs(['-e', '0'], runs)
  const cases: [string, string[], NodeJS.ProcessEnv?][] = [
    ['jueqi --help', ['bin/jueqi.mjs', '--help']],
    ['jueqi method --help', ['bin/jueqi.mjs', 'method', '--help']],
    [
      `jueqi method entropy --input ${SMALL_CSV}`,
      ['bin/jueqi.mjs', 'method', 'entropy', '--input', SMALL_CSV],
    ],
    ['jueqi --help from the sources (JUEQI_CLI=tsx)', ['bin/jueqi.mjs', '--help'], { JUEQI_CLI: 'tsx' }],
  ]
  const lines = [
    `cli start-up (wall time of a child process until it exits, median of ${runs}; goal: well under 1 s):`,
    `  ${'node -e 0'.padEnd(64)} ${`${fmt(node, 0)} ms`.padStart(8)}   1.0×`,
  ]
  for (const [label, args, env] of cases) {
    const ms = medianMs(args, runs, env ? { ...process.env, ...env } : process.env)
    lines.push(`  ${label.padEnd(64)} ${`${fmt(ms, 0)} ms`.padStart(8)}   ${(ms / node).toFixed(1)}×`)
  }
  return lines
}
