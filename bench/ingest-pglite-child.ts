import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importFile } from '../src/importer/import-file.ts'
import { seedStore } from '../src/importer/seed.ts'
import { synthIndicators } from '../src/statistics/synth.ts'
import { openStore } from '../src/store/db.ts'
import { upsertIndicators } from '../src/store/indicators.ts'

const [csv, indicators, seed] = process.argv.slice(2)
const dir = mkdtempSync(join(tmpdir(), 'jueqi-bench-pglite-'))
const store = await openStore({ kind: 'pglite', dataDir: dir })
await seedStore(store)
await upsertIndicators(store.db, synthIndicators(Number(indicators), Number(seed)))
const t = performance.now()
const r = await importFile(store, csv!, {
  release: 'SYNTHETIC bench',
  synthetic: true,
  periodRange: [1949, 2100],
})
const seconds = (performance.now() - t) / 1000
if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)))
await store.close()
rmSync(dir, { recursive: true, force: true })
console.log(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }))
