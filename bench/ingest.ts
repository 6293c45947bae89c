/**
 * Ingest: the SYNTHETIC national panel through `jueqi import`'s own path into PostgreSQL 15,
 * against a raw COPY of the same rows into a bare table on the same server; then into PGlite in
 * a child process, whose peak RSS is the figure.
 */
import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, createWriteStream, statSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { importFile } from '../src/importer/import-file.ts'
import { seedStore } from '../src/importer/seed.ts'
import { MACRO_REGIONS } from '../src/statistics/region-catalogue.ts'
import { type SynthOptions, type SynthUnit, synthIndicators, synthPanel } from '../src/statistics/synth.ts'
import { openStore, type Store } from '../src/store/db.ts'
import { upsertIndicators } from '../src/store/indicators.ts'
import { listRegions } from '../src/store/regions.ts'
import { fmt, timed } from './machine.ts'

export interface Scale {
  units: number
  indicators: number
  years: number
}

export async function countyUnits(store: Store, n: number): Promise<SynthUnit[]> {
  const macroOf = new Map(MACRO_REGIONS.flatMap((m) => m.provinces.map((p) => [p, m.code] as const)))
  const counties = await listRegions(store.db, { level: 'county' })
  return counties.slice(0, n).map((c) => ({
    code: c.code,
    province: c.code.slice(0, 2),
    macro: macroOf.get(c.code.slice(0, 2)) ?? 'CN',
  }))
}

export async function writePanelCsv(path: string, units: SynthUnit[], o: SynthOptions): Promise<number> {
  const out = createWriteStream(path)
  out.write('region,indicator,period,value,unit,source\n')
  let n = 0
  let chunk = ''
  for (const r of synthPanel(units, o)) {
    chunk += `${r.region},${r.indicator},${r.period},${r.value},index,SYNTHETIC\n`
    if (++n % 20_000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return n
}

export async function prepareSynthetic(store: Store, scale: Scale, o: SynthOptions) {
  await seedStore(store)
  await upsertIndicators(store.db, synthIndicators(scale.indicators, o.seed))
}

/**
 * The synthetic panel imported through `jueqi import`'s path, without timing it against COPY:
 * what the API step needs when the ingest step is not part of the run.
 */
export async function importSynthetic(
  url: string,
  csv: string,
  scale: Scale,
  o: SynthOptions,
): Promise<number> {
  const store = await openStore({ kind: 'postgres', url })
  try {
    await prepareSynthetic(store, scale, o)
    const imp = await timed(() =>
      importFile(store, csv, { release: 'SYNTHETIC bench', synthetic: true, periodRange: [1949, 2100] }),
    )
    if (!imp.value.ok) throw new Error(`import failed: ${JSON.stringify(imp.value.issues.slice(0, 3))}`)
    return imp.seconds
  } finally {
    await store.close()
  }
}

/** Raw COPY of the same CSV into a bare table: the floor any import path can reach. */
async function rawCopy(url: string, csv: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(
    'DROP TABLE IF EXISTS bare; CREATE TABLE bare (region text, indicator text, period int, value double precision, unit text, source text)',
  )
  const t = performance.now()
  await pipeline(
    createReadStream(csv),
    client.query(copyFrom('COPY bare FROM STDIN WITH (FORMAT csv, HEADER true)')),
  )
  const s = (performance.now() - t) / 1000
  await client.query('DROP TABLE bare')
  await client.end()
  return s
}

export async function ingestPostgres(
  url: string,
  csv: string,
  rows: number,
  scale: Scale,
  o: SynthOptions,
): Promise<string[]> {
  const seconds = await importSynthetic(url, csv, scale, o)
  const copy = await rawCopy(url, csv)
  return [
    `ingest into PostgreSQL 15 via jueqi import: ${fmt(rows)} obs in ${fmt(seconds, 2)} s = ${fmt(rows / seconds, 0)} obs/s (goal ≥500,000)`,
    `  raw COPY of the same CSV into a bare table: ${fmt(copy, 2)} s = ${fmt(rows / copy, 0)} obs/s; ratio import/COPY = ${fmt(seconds / copy, 2)}× (goal ≤2×)`,
  ]
}

/** PGlite in its own process so that its peak RSS is the import's alone. */
export function ingestPglite(csv: string, rows: number, scale: Scale, seed: number): string[] {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/ingest-pglite-child.ts', csv, String(scale.indicators), String(seed)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  )
  const r = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; maxRssMb: number }
  return [
    `ingest into PGlite via jueqi import: ${fmt(rows)} obs in ${fmt(r.seconds, 1)} s = ${fmt(rows / r.seconds, 0)} obs/s, peak RSS ${fmt(r.maxRssMb, 0)} MB (CSV ${fmt(statSync(csv).size / 2 ** 20, 0)} MB)`,
  ]
}
