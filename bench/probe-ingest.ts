/**
 * One import at a chosen scale, outside `npm run bench`: wall time against the Node process's own
 * CPU time (when they are close, Node is the bottleneck; when wall is far above, the server is),
 * then a raw COPY of the same CSV. SYNTHETIC panel, seeded.
 * With --statements, the server's statements of 200 ms or more are printed with their times
 * (where the import's time goes on the server: the COPY, the index build, the attach, the roll-ups).
 *   npx tsx bench/probe-ingest.ts [units=2900] [indicators=60] [--statements]
 */
import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { importFile } from '../src/importer/import-file.ts'
import { openStore } from '../src/store/db.ts'
import { startTestPostgres } from '../src/testing/postgres.ts'
import { countyUnits, prepareSynthetic, writePanelCsv } from './ingest.ts'

const args = process.argv.slice(2)
const statements = args.includes('--statements')
const [units, indicators] = args.filter((a) => !a.startsWith('--')).map(Number)
const server = await startTestPostgres([
  '-c shared_buffers=512MB',
  '-c max_wal_size=4GB',
  '-c synchronous_commit=off',
  ...(statements ? ['-c log_min_duration_statement=200'] : []),
])
try {
  const store = await openStore({ kind: 'postgres', url: server.url })
  const scale = { units: units ?? 2900, indicators: indicators ?? 60, years: 20 }
  const o = { indicators: scale.indicators, years: 20, lastYear: 2024, seed: 20261125 }
  await prepareSynthetic(store, scale, o)
  const u = await countyUnits(store, scale.units)
  const csv = '/tmp/exp/panel.csv'
  const rows = await writePanelCsv(csv, u, o)
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const r = await importFile(store, csv, {
    release: 'SYNTHETIC bench',
    synthetic: true,
    periodRange: [1949, 2100],
  })
  const wall = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(c0)
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)))
  console.log(
    `import ${rows} rows: wall ${wall.toFixed(2)} s, node cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, ${(rows / wall).toFixed(0)} obs/s`,
  )
  await store.close()
  const client = new pg.Client({ connectionString: server.url })
  await client.connect()
  await client.query(
    'CREATE TABLE bare (region text, indicator text, period int, value double precision, unit text, source text)',
  )
  const t1 = performance.now()
  await pipeline(
    createReadStream(csv),
    client.query(copyFrom('COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)')),
  )
  const copy = (performance.now() - t1) / 1000
  console.log(`raw COPY ${copy.toFixed(2)} s; ratio ${(wall / copy).toFixed(2)}`)
  await client.end()
  if (statements)
    for (const line of readFileSync(join(server.dir, 'log'), 'utf8').split('\n'))
      if (line.includes('duration:')) console.log(line.replace(/^.*duration: /, '  ').slice(0, 160))
} finally {
  server.stop()
}
