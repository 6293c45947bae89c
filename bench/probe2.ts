import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile } from '../src/importer/import-file.ts'
import { openStore } from '../src/store/db.ts'
import { startTestPostgres } from '../src/testing/postgres.ts'
import { countyUnits, prepareSynthetic, writePanelCsv } from './ingest.ts'

const server = await startTestPostgres()
const store = await openStore({ kind: 'postgres', url: server.url })
const o = { indicators: 40, years: 20, lastYear: 2024, seed: 1 }
await prepareSynthetic(store, { units: 500, indicators: 40, years: 20 }, o)
const units = await countyUnits(store, 500)
const csv = join(mkdtempSync(join(tmpdir(), 'p-')), 'p.csv')
await writePanelCsv(csv, units, o)
const t = performance.now()
await importFile(store, csv, { release: 'S', synthetic: true, periodRange: [1949, 2100] })
console.log('import', performance.now() - t)
await store.close()
server.stop()
