/**
 * `npm run bench [-- --scale small|full] [-- --only step,…]`: the evaluation engine (vs NumPy),
 * ingest (PostgreSQL 15 vs raw COPY; PGlite), the API under load (vs a static file),
 * `jueqi assess --synthetic` over the imported panel (vs NumPy on the same dense panel), the
 * web bundle, and the CLI's start-up (vs `node -e 0`). The data is SYNTHETIC (seeded), the server
 * is a throwaway PostgreSQL 15 started here and stopped at the end (not started for `--only cli`).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openStore } from '../src/store/db.ts'
import { startTestPostgres } from '../src/testing/postgres.ts'
import { apiBench } from './api.ts'
import { assessBench } from './assess.ts'
import { bundleFigures } from './bundle.ts'
import { cliBench } from './cli.ts'
import { evaluationBench } from './evaluation.ts'
import {
  countyUnits,
  importSynthetic,
  ingestPglite,
  ingestPostgres,
  type Scale,
  writePanelCsv,
} from './ingest.ts'
import { fmt, machineHeader, timed } from './machine.ts'

const SCALES: Record<string, Scale> = {
  full: { units: 2900, indicators: 300, years: 20 },
  small: { units: 500, indicators: 40, years: 20 },
}
const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? dflt) : dflt
}
const scaleName = arg('scale', 'full')
const scale = SCALES[scaleName]
if (!scale) throw new Error(`--scale must be ${Object.keys(SCALES).join(' or ')}`)
const only = arg('only', 'evaluation,ingest,pglite,api,assess,bundle,cli').split(',')
const seed = 20261125

if (only.some((step) => step !== 'cli')) await serverSteps(scale)
else console.log(machineHeader())
// last, when the database server is stopped again
if (only.includes('cli')) for (const l of cliBench()) console.log(l)

/** Every step but `cli`, on the throwaway PostgreSQL server and the SYNTHETIC panel. */
async function serverSteps(scale: Scale) {
  const server = await startTestPostgres([
    '-c shared_buffers=512MB',
    '-c max_wal_size=4GB',
    '-c synchronous_commit=off',
  ])
  const dir = mkdtempSync(join(tmpdir(), 'jueqi-bench-'))
  try {
    const probe = await openStore({ kind: 'postgres', url: server.url })
    console.log(
      machineHeader({
        postgres: await probe.version(),
        scale: `${scaleName}: ${scale.units} units × ${scale.indicators} indicators × ${scale.years} years (SYNTHETIC, seed ${seed})`,
      }),
    )
    const { seedStore } = await import('../src/importer/seed.ts')
    await seedStore(probe)
    const units = await countyUnits(probe, scale.units)
    await probe.close()
    const csv = join(dir, 'panel.csv')
    const o = { indicators: scale.indicators, years: scale.years, lastYear: 2024, seed }
    const gen = await timed(() => writePanelCsv(csv, units, o))
    const rows = gen.value
    console.log(`generated ${fmt(rows)} synthetic observations in ${fmt(gen.seconds, 1)} s`)
    if (only.includes('evaluation'))
      for (const l of await evaluationBench({ ...scale, draws: 200 }, seed, dir)) console.log(l)
    // the api and assess steps read the synthetic panel: imported by the ingest step, or once for them
    let imported = false
    const importPanel = async (step: string) => {
      if (imported) return
      const s = await importSynthetic(server.url, csv, scale, o)
      imported = true
      console.log(`imported the panel for the ${step} step in ${fmt(s, 1)} s (not a measured figure)`)
    }
    if (only.includes('ingest')) {
      for (const l of await ingestPostgres(server.url, csv, rows, scale, o)) console.log(l)
      imported = true
    }
    if (only.includes('pglite')) for (const l of ingestPglite(csv, rows, scale, seed)) console.log(l)
    if (only.includes('api')) {
      await importPanel('API')
      const indicators = Array.from(
        { length: scale.indicators },
        (_, j) => `synthetic_${String(j + 1).padStart(3, '0')}`,
      )
      for (const l of await apiBench(server.url, {
        region: units[0]!.code,
        indicators,
        seconds: scaleName === 'full' ? 10 : 5,
      }))
        console.log(l)
    }
    if (only.includes('assess')) {
      await importPanel('assess')
      for (const l of assessBench(server.url, dir)) console.log(l)
    }
    if (only.includes('bundle')) {
      execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'ignore' })
      for (const l of bundleFigures()) console.log(l)
    }
  } finally {
    server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
