/** An imported note or source that looks like a formula leaves the API's CSV neutralised (OWASP CSV injection). */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importFile } from '../importer/import-file.ts'
import { seedStore } from '../importer/seed.ts'
import type { Store } from '../store/db.ts'
import { openTestStore } from '../testing/backends.ts'
import { createApp } from './app.ts'

let store: Store
beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
})
afterAll(async () => store?.close())

it('the observations CSV prefixes formula-like text with an apostrophe', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jueqi-formula-'))
  const path = join(dir, 'hostile.csv')
  writeFileSync(
    path,
    'region,indicator,period,value,unit,source,note\n42,gdp,2026,-5,100 million yuan,"=HYPERLINK(""http://example.invalid"",""x"")",@SUM(1) SYNTHETIC\n',
  )
  const r = await importFile(store, path, { release: 'hostile (SYNTHETIC)', synthetic: true })
  expect(r.ok).toBe(true)
  const app = createApp({ store })
  const res = await app.request('/api/observations?indicator=gdp&region=42&from=2026&to=2026&format=csv')
  expect(res.status).toBe(200)
  const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
  const row = rows.find((x) => x.release?.startsWith('hostile'))!
  expect(row.source).toBe('\'=HYPERLINK("http://example.invalid","x")')
  expect(row.note).toBe("'@SUM(1) SYNTHETIC")
  expect(Number(row.value)).toBe(-5) // a negative number is a number, not text
})
