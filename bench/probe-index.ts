/**
 * How long PostgreSQL takes to build a bulk release's cell index by sort, under several
 * maintenance_work_mem settings, on a SYNTHETIC panel imported first. Outside `npm run bench`.
 *   npx tsx bench/probe-index.ts [units=2900] [indicators=60] [--mem 16MB,64MB,…] [--workers 0,1,2]
 */

import pg from 'pg'
import { importFile } from '../src/importer/import-file.ts'
import { openStore } from '../src/store/db.ts'
import { startTestPostgres } from '../src/testing/postgres.ts'
import { countyUnits, prepareSynthetic, writePanelCsv } from './ingest.ts'

const args = process.argv.slice(2)
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return (i >= 0 ? args[i + 1]! : fallback).split(',')
}
const positional = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
const [units, indicators] = [Number(positional[0] ?? 2900), Number(positional[1] ?? 60)]
const server = await startTestPostgres([
  '-c shared_buffers=512MB',
  '-c max_wal_size=4GB',
  '-c synchronous_commit=off',
])
try {
  const store = await openStore({ kind: 'postgres', url: server.url })
  const o = { indicators, years: 20, lastYear: 2024, seed: 20261125 }
  await prepareSynthetic(store, { units, indicators, years: 20 }, o)
  const csv = '/tmp/exp/panel.csv'
  await writePanelCsv(csv, await countyUnits(store, units), o)
  const r = await importFile(store, csv, {
    release: 'SYNTHETIC bench',
    synthetic: true,
    periodRange: [1949, 2100],
  })
  if (!r.ok) throw new Error('fail')
  await store.close()
  const c = new pg.Client({ connectionString: server.url })
  await c.connect()
  const t = (
    await c.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname LIKE 'observations_r%'`,
    )
  ).rows[0].relname
  const run = async (label: string, pre: string, ddl: string) => {
    await c.query('BEGIN')
    if (pre) await c.query(pre)
    const t0 = performance.now()
    await c.query(ddl)
    console.log(label, ((performance.now() - t0) / 1000).toFixed(2), 's')
    await c.query('ROLLBACK')
  }
  // the databases sort by byte order already (src/testing/postgres.ts), so one form of the index
  const base = `CREATE INDEX x ON ${t} (indicator_key, region_code, period)`
  for (const mw of option('mem', '16MB,64MB,128MB,1GB'))
    for (const par of option('workers', '0,2')) {
      const pre = `SET LOCAL maintenance_work_mem='${mw}'; SET LOCAL max_parallel_maintenance_workers=${Number(par)}`
      await run(`mwm=${mw} workers=${par}`, pre, base)
    }
  await c.end()
} finally {
  server.stop()
}
